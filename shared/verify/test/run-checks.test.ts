import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineChecks } from '../src/chapter-checks.js';
import { describeFailures, runChecks } from '../src/run-checks.js';
import { type LocalServer, startLocalServer } from './fixtures/local-server.js';

let first: LocalServer;
let second: LocalServer;

beforeAll(async () => {
  first = await startLocalServer((request, response) => {
    response.writeHead(request.method === 'OPTIONS' ? 204 : 200, { 'Access-Control-Allow-Origin': '*' });
    response.end(request.method === 'OPTIONS' ? undefined : 'first');
  });
  second = await startLocalServer((_request, response) => {
    response.writeHead(403);
    response.end('second');
  });
});

afterAll(async () => {
  await first.close();
  await second.close();
});

const checks = defineChecks({
  apis: {
    one: { logicalId: 'FirstApi', shownAs: 'http://127.0.0.1:3001/prod/' },
    two: { logicalId: 'SecondApi', shownAs: 'http://127.0.0.1:3002/' },
  },
  checks: [
    {
      claim: 'the preflight passes',
      request: { method: 'OPTIONS', headers: { Origin: 'https://app.example.com' } },
      expect: { status: 204, headers: { 'access-control-allow-origin': '*' } },
    },
    {
      claim: 'the second API answers 200',
      request: { method: 'GET', api: 'two', path: 'things?x=1' },
      expect: { status: 200, body: 'second' },
    },
  ],
});

const urlOf = (logicalId: string) => (logicalId === 'FirstApi' ? first.url : second.url);

describe('runChecks', () => {
  it('sends every request in order, each to the URL of the API it names', async () => {
    const runs = await runChecks(checks, urlOf);

    expect(runs.map((run) => [run.api, run.apiUrl, run.exchange.request.url])).toEqual([
      ['one', first.url, first.url],
      ['two', second.url, `${second.url}things?x=1`],
    ]);
    expect(first.received.at(-1)?.rawHeaders).toEqual(
      expect.arrayContaining(['Origin', 'https://app.example.com']),
    );
  });

  it('records what each response missed', async () => {
    const runs = await runChecks(checks, urlOf);

    expect(runs.map((run) => run.failures)).toEqual([
      [],
      ['`GET /things?x=1` now answers 403, where the lesson says 200'],
    ]);
  });
});

describe('describeFailures', () => {
  it('says what the request gets now and which claim of the lesson that breaks', async () => {
    const runs = await runChecks(checks, urlOf);

    expect(describeFailures(runs)).toEqual([
      "`GET /things?x=1` now answers 403, where the lesson says 200, so the lesson's claim “the second API answers 200” no longer holds",
    ]);
  });
});
