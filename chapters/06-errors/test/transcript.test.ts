import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly } from '@cors-workshop/testing';
import { describeChapterTranscript } from '@cors-workshop/verify';
import { describe } from 'vitest';
import { checks } from '../checks.js';

describeChapterTranscript(checks, {
  chapterDir: new URL('..', import.meta.url),
  describe,
  it: gatewayTest({ source: sharedAssembly, logger: silentLogger }),
  // No answer of the chapter depends on another request: the three timeouts are waited out together.
  concurrent: true,
});
