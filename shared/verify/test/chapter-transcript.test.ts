import { describe, expect, it } from 'vitest';
import { defineChecks } from '../src/chapter-checks.js';
import {
  chapterTranscript,
  regenerateCommand,
  staleTranscriptMessage,
  transcriptRequestNames,
} from '../src/chapter-transcript.js';
import type { CheckRun } from '../src/run-checks.js';

const checks = defineChecks({
  apis: { rest: { logicalId: 'RestApi', shownAs: 'http://127.0.0.1:3001/prod/' } },
  checks: [
    { claim: 'shown', request: { method: 'GET', path: 'greeting' }, expect: { status: 200 } },
    { claim: 'not shown', request: { method: 'GET' }, expect: { status: 200 }, inTranscript: false },
  ],
  masks: [{ pattern: /"n":\d+/g, as: '"n":<n>' }],
});

/** A run of `checks` against a gateway on `port`, with IDs and numbers that differ per run. */
function runOn(port: number, id: string): CheckRun[] {
  const apiUrl = `http://127.0.0.1:${port}/prod/`;
  return checks.checks.map((check) => ({
    check,
    api: 'rest',
    apiUrl,
    exchange: {
      request: { method: 'GET', url: `${apiUrl}${check.request.path ?? ''}`, headers: [] },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ['x-amzn-RequestId', id],
          ['Date', `Wed, 25 Nov 2026 13:18:${port % 60} GMT`],
        ],
        body: `{"n":${port},"id":"${id}"}`,
      },
    },
    failures: [],
  }));
}

describe('chapterTranscript', () => {
  it('shows the exchanges in the transcript, masked, on the URL the lesson uses', () => {
    expect(chapterTranscript(checks, runOn(40123, 'id-1'))).toBe(
      [
        '```console',
        '$ curl -i http://127.0.0.1:3001/prod/greeting',
        'HTTP/1.1 200 OK',
        'x-amzn-RequestId: <request-id>',
        'Date: <date>',
        '',
        '{"n":<n>,"id":"<request-id>"}',
        '```',
      ].join('\n'),
    );
  });

  it('gives the same text for two runs on different ports with different IDs', () => {
    expect(chapterTranscript(checks, runOn(40123, 'id-1'))).toBe(
      chapterTranscript(checks, runOn(51234, 'id-2')),
    );
  });
});

describe('transcriptRequestNames', () => {
  it("maps each transcript command to the request's name in the lesson", () => {
    const names = transcriptRequestNames(checks, runOn(40123, 'id-1'));

    expect([...names.entries()][0]).toEqual([
      'curl -i http://127.0.0.1:3001/prod/greeting',
      '`GET /greeting`',
    ]);
  });
});

describe('staleTranscriptMessage', () => {
  it('says how to rewrite the transcript once the lesson is meant to show the change', () => {
    expect(staleTranscriptMessage('/repo/chapters/01-rest-proxy/')).toBe(
      "If the lesson should now show this, `pnpm --filter ./chapters/01-rest-proxy run transcripts` rewrites the README's transcript; then read the prose around it again, which may say the old thing",
    );
  });

  it('derives the filter from the chapter folder name', () => {
    expect(regenerateCommand('/elsewhere/chapters/03-http-api')).toBe(
      'pnpm --filter ./chapters/03-http-api run transcripts',
    );
  });
});
