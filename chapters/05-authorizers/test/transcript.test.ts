import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest } from '@cors-workshop/testing';
import { describeChapterTranscript } from '@cors-workshop/verify';
import { describe } from 'vitest';
import { assembly, checks } from '../checks.js';

describeChapterTranscript(checks, {
  chapterDir: new URL('..', import.meta.url),
  describe,
  it: gatewayTest({ source: assembly, logger: silentLogger }),
});
