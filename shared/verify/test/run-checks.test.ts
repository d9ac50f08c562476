import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineChecks } from '../src/chapter-checks.js';
import { describeFailures, runChecks } from '../src/run-checks.js';
import { type LocalServer, startLocalServer } from './fixtures/local-server.js';

let first: LocalServer;
let second: LocalServer;
/** Holds every answer until two requests are in flight (or for 200 ms at most), counting them on arrival. */
let holding: LocalServer;
const inFlightOnArrival: number[] = [];

beforeAll(async () => {
  first = await startLocalServer((request, response) => {
    response.writeHead(request.method === 'OPTIONS' ? 204 : 200, { 'Access-Control-Allow-Origin': '*' });
    response.end(request.method === 'OPTIONS' ? undefined : 'first');
  });
  second = await startLocalServer((_request, response) => {
    response.writeHead(403);
    response.end('second');
  });
  const held: (() => void)[] = [];
  holding = await startLocalServer((request, response) => {
    const answer = () => {
      if (response.writableEnded) return;
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
      response.end(request.url);
    };
    held.push(answer);
    inFlightOnArrival.push(held.length);
    response.on('finish', () => held.splice(held.indexOf(answer), 1));
    if (held.length === 2) for (const release of [...held]) release();
    else setTimeout(answer, 200);
  });
});

afterAll(async () => {
  await first.close();
  await second.close();
  await holding.close();
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

describe('runChecks, concurrent', () => {
  const pair = defineChecks({
    apis: { one: { logicalId: 'HoldingApi', shownAs: 'http://127.0.0.1:3001/prod/' } },
    checks: [
      { claim: 'the first answers', request: { method: 'GET', path: 'first' }, expect: { status: 200 } },
      { claim: 'the second answers', request: { method: 'GET', path: 'second' }, expect: { status: 200 } },
    ],
  });

  it('sends one request after the other by default', async () => {
    inFlightOnArrival.length = 0;

    await runChecks(pair, () => holding.url);

    expect(inFlightOnArrival).toEqual([1, 1]);
  });

  it('sends every request at once with concurrent, and returns the runs in the order of the checks', async () => {
    inFlightOnArrival.length = 0;

    const runs = await runChecks(pair, () => holding.url, { concurrent: true });

    expect(inFlightOnArrival).toEqual([1, 2]);
    expect(runs.map((run) => [run.check.claim, run.exchange.response.body, run.failures])).toEqual([
      ['the first answers', '/first', []],
      ['the second answers', '/second', []],
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
