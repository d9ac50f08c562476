import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChapterChecks, defineChecks } from '../src/chapter-checks.js';
import { chapterTranscript } from '../src/chapter-transcript.js';
import {
  CHAPTER_TRANSCRIPT_SUITE,
  describeChapterTranscript,
  type TranscriptTestContext,
} from '../src/describe-chapter-transcript.js';
import { replaceTranscript, TRANSCRIPT_END, TRANSCRIPT_START } from '../src/readme-transcript.js';
import { runChecks } from '../src/run-checks.js';
import { type LocalServer, startLocalServer } from './fixtures/local-server.js';

let server: LocalServer;
let root: string;

beforeAll(async () => {
  server = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    response.end('{"state":"ok"}');
  });
  root = mkdtempSync(join(tmpdir(), 'describe-chapter-transcript-'));
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const holding = defineChecks({
  apis: { api: { logicalId: 'ExampleApi', shownAs: 'http://127.0.0.1:3005/prod/' } },
  checks: [
    {
      claim: 'the root answers',
      request: { method: 'GET' },
      expect: { status: 200, headers: { 'access-control-allow-origin': '*' } },
    },
    { claim: 'the greeting answers', request: { method: 'GET', path: 'greeting' }, expect: { status: 200 } },
  ],
});

const missing = defineChecks({
  apis: holding.apis,
  checks: [{ claim: 'the preflight answers 204', request: { method: 'OPTIONS' }, expect: { status: 204 } }],
});

/** The context vitest would give a chapter's test: the gateway is the local server, `expect` vitest's own. */
const context: TranscriptTestContext = { gateway: { urlOf: () => server.url }, expect };

/** A chapter folder named `slug` whose README holds `transcript`. */
function chapterFolder(slug: string, transcript: string): string {
  const dir = join(root, 'chapters', slug);
  mkdirSync(dir, { recursive: true });
  const readme = `# Example\n\n${TRANSCRIPT_START}\n${TRANSCRIPT_END}\n`;
  writeFileSync(join(dir, 'README.md'), replaceTranscript(readme, transcript));
  return dir;
}

/** The suites and tests `describeChapterTranscript` declares, collected instead of run by vitest. */
function declare(checks: ChapterChecks, chapterDir: string | URL, concurrent?: boolean) {
  const suites: string[] = [];
  const tests = new Map<string, (context: TranscriptTestContext) => Promise<void>>();
  describeChapterTranscript(checks, {
    chapterDir,
    ...(concurrent === undefined ? {} : { concurrent }),
    describe: (name, factory) => {
      suites.push(name);
      factory();
    },
    it: (name, body) => {
      tests.set(name, body);
    },
  });
  const test = (name: string, gateway = context.gateway) => tests.get(name)!({ ...context, gateway });
  return { suites, names: [...tests.keys()], test };
}

describe('describeChapterTranscript', () => {
  it('declares the two tests inside the suite every chapter shares', () => {
    const { suites, names } = declare(holding, chapterFolder('05-declared', ''));

    expect(suites).toEqual([CHAPTER_TRANSCRIPT_SUITE]);
    expect(CHAPTER_TRANSCRIPT_SUITE).toBe('checks.ts: the claims the README transcript shows');
    expect(names).toEqual([
      'holds every claim against the local gateway',
      'matches the README transcript with a fresh run',
    ]);
  });

  it('passes both tests on one run of the checks when the claims hold and the README is fresh', async () => {
    const fresh = chapterTranscript(holding, await runChecks(holding, () => server.url));
    const { test } = declare(holding, chapterFolder('05-fresh', fresh));
    const sentBefore = server.received.length;

    await expect(test('holds every claim against the local gateway')).resolves.toBeUndefined();
    await expect(test('matches the README transcript with a fresh run')).resolves.toBeUndefined();
    expect(server.received.length - sentBefore).toBe(holding.checks.length);
  });

  it('sends the requests of the checks all at once when told they are concurrent', async () => {
    const inFlightOnArrival: number[] = [];
    const held = new Set<() => void>();
    const holdingServer = await startLocalServer((_request, response) => {
      const answer = () => {
        held.delete(answer);
        if (!response.writableEnded) response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end();
      };
      held.add(answer);
      inFlightOnArrival.push(held.size);
      // Every answer waits until both requests are in flight, or 200 ms when they come one after the other.
      if (held.size === 2) for (const release of [...held]) release();
      else setTimeout(answer, 200);
    });
    try {
      const { test } = declare(holding, chapterFolder('05-concurrent', ''), true);

      await test('holds every claim against the local gateway', { urlOf: () => holdingServer.url });

      expect(inFlightOnArrival).toEqual([1, 2]);
    } finally {
      await holdingServer.close();
    }
  });

  it('fails the claims test with each claim the gateway misses', async () => {
    const { test } = declare(missing, chapterFolder('05-missing', ''));

    await expect(test('holds every claim against the local gateway')).rejects.toThrow(
      "The lesson's claims that no longer hold:\n" +
        "  - `OPTIONS /` now answers 200, where the lesson says 204, so the lesson's claim “the preflight answers 204” no longer holds\n" +
        'Either a change to the chapter broke what its lesson teaches',
    );
  });

  it('fails the transcript test with the claims that no longer hold, before any word of rewriting', async () => {
    const { test } = declare(missing, chapterFolder('05-broken', ''));

    await expect(test('matches the README transcript with a fresh run')).rejects.toThrow(
      /^README\.md's transcript shows claims that no longer hold:\n {2}- `OPTIONS \/` now answers 200, where the lesson says 204/,
    );
  });

  it('says what a reader of the README would now see differently, then how to rewrite it', async () => {
    const fresh = chapterTranscript(holding, await runChecks(holding, () => server.url));
    const readme = fresh
      .replace('Access-Control-Allow-Origin: *', 'Access-Control-Allow-Origin: https://app.example.com')
      .replace('$ curl -i http://127.0.0.1:3005/prod/greeting', '$ curl -i http://127.0.0.1:3005/prod/hello');
    const { test } = declare(holding, pathToFileURL(`${chapterFolder('05-stale', readme)}/`));

    await expect(test('matches the README transcript with a fresh run')).rejects.toThrow(
      [
        "README.md's transcript no longer matches the chapter:",
        '  - the README shows `GET /` answered with `Access-Control-Allow-Origin: https://app.example.com`; a fresh run gets `Access-Control-Allow-Origin: *`',
        "  - the README shows `curl -i http://127.0.0.1:3005/prod/hello`, which the chapter's checks no longer send",
        "  - the chapter's checks send `GET /greeting`, which the README does not show",
        "If the lesson should now show this, `pnpm --filter ./chapters/05-stale run transcripts` rewrites the README's transcript",
      ].join('\n'),
    );
  });
});
