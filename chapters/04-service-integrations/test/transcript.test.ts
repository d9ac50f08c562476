import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, type ServedGateway } from '@cors-workshop/testing';
import {
  type CheckRun,
  chapterTranscript,
  describeFailures,
  readTranscript,
  runChecks,
  staleTranscriptMessage,
} from '@cors-workshop/verify';
import { describe, expect } from 'vitest';
import { assembly, checks } from '../checks.js';

const chapterDir = fileURLToPath(new URL('..', import.meta.url));
const it = gatewayTest({ source: assembly, logger: silentLogger });

let run: Promise<CheckRun[]> | undefined;
/** One run of the checks, shared by the tests of this file. */
const checksRun = (gateway: ServedGateway) => {
  run ??= runChecks(checks, (logicalId) => gateway.urlOf(logicalId));
  return run;
};

describe('checks.ts: the claims the README transcript shows', () => {
  it('holds every claim against the local gateway', async ({ gateway }) => {
    expect(describeFailures(await checksRun(gateway))).toEqual([]);
  });

  it('matches the README transcript with a fresh run', async ({ gateway }) => {
    const committed = readTranscript(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));
    const fresh = chapterTranscript(checks, await checksRun(gateway));

    expect(fresh, staleTranscriptMessage(chapterDir)).toBe(committed);
  });
});
