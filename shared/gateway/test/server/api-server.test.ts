import fc from 'fast-check';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { GatewayRequest, GatewayResponse } from '../../src/server/gateway-request.js';
import { sendRaw, serveStub } from './fixtures.js';

/** What the stub pipeline answers: the response named by the request's path. */
const responses = new Map<string, GatewayResponse>();
const FALLBACK: GatewayResponse = {
  status: 502,
  headers: [['Content-Type', 'application/json']],
  body: '{"message": "Internal server error"}',
  integration: 'fallback',
};
const ok: GatewayResponse = {
  status: 200,
  headers: [['Content-Type', 'text/plain']],
  body: 'ok',
  integration: 'stub',
};
const seen: GatewayRequest[] = [];

function answer(path: string, response: Partial<GatewayResponse>): void {
  responses.set(path, { ...ok, fallback: () => FALLBACK, ...response });
}

const { url, port, log } = await serveStub((req) => {
  seen.push(req);
  if (req.path === '/throws') throw new Error('the pipeline broke');
  if (req.path === '/rejects') return Promise.reject(new Error('the pipeline rejected'));
  return responses.get(req.path) ?? ok;
});

describe('ApiServer writes every response through one checked place', () => {
  it('answers the fallback when a header value holds CR LF, logs why, and serves the next request', async () => {
    answer('/crlf', { headers: [['X-Injected', 'a\r\nSet-Cookie: evil=1']] });
    const response = await request(`${url}/crlf`);
    expect(response.statusCode).toBe(502);
    expect(await response.body.text()).toBe('{"message": "Internal server error"}');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(log.join('\n')).toMatch(/X-Injected.*control character/);
    expect((await request(`${url}/next`)).statusCode).toBe(200);
  });

  it('answers the fallback when a header name is not a token', async () => {
    answer('/bad-name', { headers: [['Bad Name', 'v']] });
    const response = await request(`${url}/bad-name`);
    expect(response.statusCode).toBe(502);
    await response.body.dump();
  });

  it('answers the fallback for a status outside 200 to 599, such as 101', async () => {
    for (const status of [101, 100, 600, 99]) {
      answer(`/status-${status}`, { status });
      const response = await request(`${url}/status-${status}`);
      expect(response.statusCode).toBe(502);
      await response.body.dump();
    }
  });

  it('answers a bare 500 when a response without a fallback cannot be sent', async () => {
    responses.set('/no-fallback', { ...ok, headers: [['X', '\n']] });
    const response = await request(`${url}/no-fallback`);
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('{"message":"Internal server error"}');
  });

  it('leaves out Trailer, which Node refuses on a response framed by Content-Length', async () => {
    answer('/trailer', { headers: [['Trailer', 'Expires']] });
    const response = await request(`${url}/trailer`);
    expect(response.statusCode).toBe(200);
    expect(response.headers.trailer).toBeUndefined();
    expect(await response.body.text()).toBe('ok');
  });

  it('never sends Transfer-Encoding next to Content-Length', async () => {
    answer('/framing', {
      headers: [
        ['Transfer-Encoding', 'chunked'],
        ['Content-Length', '99'],
      ],
      body: 'four',
    });
    const raw = await sendRaw(port, 'GET /framing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n')).toLowerCase();
    expect(head).toContain('content-length: 4');
    expect(head).not.toContain('transfer-encoding');
    expect(raw.endsWith('\r\n\r\nfour')).toBe(true);
  });

  it('answers 500 and logs the stack when the pipeline throws or rejects', async () => {
    for (const path of ['/throws', '/rejects']) {
      const response = await request(`${url}${path}`);
      expect(response.statusCode).toBe(500);
      await response.body.dump();
    }
    expect(log.join('\n')).toMatch(/the pipeline broke\n\s+at /);
  });

  it('keeps serving whatever header names and values a response carries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 24 }),
        async (name, value) => {
          answer('/fuzz', { headers: [[name, value]] });
          const response = await request(`${url}/fuzz`);
          await response.body.dump();
          expect([200, 502]).toContain(response.statusCode);
        },
      ),
      { numRuns: 100 },
    );
    expect((await request(`${url}/after-fuzz`)).statusCode).toBe(200);
  }, 120_000);
});

describe('ApiServer reads request targets as HTTP/1.1 requires', () => {
  it('routes a request target in absolute form by its path', async () => {
    const raw = await sendRaw(
      port,
      'GET http://example.com/prod/items?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(raw.startsWith('HTTP/1.1 200')).toBe(true);
    expect(seen.find((req) => req.path === '/prod/items')).toMatchObject({ rawQuery: 'x=1' });
  });

  it('refuses a request with two Host headers as a bad request', async () => {
    await sendRaw(port, 'GET /two-hosts HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n');
    expect(seen.find((req) => req.path === '/two-hosts')).toMatchObject({ refusal: 'bad-request' });
  });
});
