import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLabSpec } from '../../src/lab/lab-spec.js';
import { callFromPage, pageCallRequest, taggedUrl, tagOf } from '../../src/lab/page-call.js';

const [CALL] = parseLabSpec(
  {
    title: 'Example',
    calls: [
      {
        id: 'post-json',
        title: 'A JSON POST',
        why: 'Because.',
        api: 'ExampleApi',
        path: 'profile',
        origin: 'http://localhost:5173',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"user":"ada"}',
        credentials: 'include',
        expect: { verdict: 'allowed', readable: ['x-request-id'] },
      },
    ],
  },
  'lab.json',
).calls as [ReturnType<typeof parseLabSpec>['calls'][number]];

describe('taggedUrl and tagOf', () => {
  it("appends the tag to the call's path under the API's invoke URL", () => {
    expect(taggedUrl('http://127.0.0.1:3100/prod/', CALL, 'k3x9-4')).toBe(
      'http://127.0.0.1:3100/prod/profile?lab=k3x9-4',
    );
  });

  it('keeps a query the path already has', () => {
    expect(taggedUrl('http://127.0.0.1:3300/', { path: 'items?limit=2' }, '7')).toBe(
      'http://127.0.0.1:3300/items?limit=2&lab=7',
    );
  });

  it('reads the tag back from the URL the gateway reports, or nothing for a request without one', () => {
    expect(tagOf('/prod/profile?lab=k3x9-4')).toBe('k3x9-4');
    expect(tagOf('/prod/profile')).toBeUndefined();
  });
});

describe('pageCallRequest', () => {
  it("turns a call into fetch()'s options and the headers to read", () => {
    expect(pageCallRequest(CALL, 'http://127.0.0.1:1/profile?lab=1')).toEqual({
      url: 'http://127.0.0.1:1/profile?lab=1',
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"user":"ada"}',
        credentials: 'include',
      },
      readHeaders: ['x-request-id'],
    });
  });
});

describe('callFromPage, run where fetch() enforces no CORS', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        response.writeHead(201, { 'X-Request-Id': 'abc' }).end(`${request.method} ${body}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reports the status, the body and the headers it was asked to read', async () => {
    const result = await callFromPage(pageCallRequest(CALL, taggedUrl(base, CALL, '1')));

    expect(result).toEqual({
      verdict: 'allowed',
      status: 201,
      body: 'POST {"user":"ada"}',
      headers: { 'x-request-id': 'abc' },
    });
  });

  it('reports a rejected fetch() as blocked, with the error the page gets', async () => {
    const result = await callFromPage(pageCallRequest(CALL, 'http://127.0.0.1:1/'));

    expect(result).toEqual({ verdict: 'blocked', error: 'TypeError: fetch failed' });
  });
});
