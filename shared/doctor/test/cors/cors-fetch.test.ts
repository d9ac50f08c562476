import { describe, expect, it } from 'vitest';
import { browserRequest, type FetchInput } from '../../src/cors/browser-request.js';
import { corsFetch } from '../../src/cors/cors-fetch.js';
import type { Transport, WireRequest, WireResponse } from '../../src/cors/exchange.js';

const ORIGIN = 'http://localhost:5173';
const API = 'http://127.0.0.1:3100';

/** A transport that answers from a function, and remembers what it was sent. */
function server(answer: (request: WireRequest) => Partial<WireResponse>) {
  const sent: WireRequest[] = [];
  const transport: Transport = async (request) => {
    sent.push(request);
    return { status: 200, statusText: '', headers: [], body: '', ...answer(request) };
  };
  return { sent, transport };
}

const run = (input: Partial<FetchInput>, transport: Transport, readHeaders: string[] = []) =>
  corsFetch(browserRequest({ url: `${API}/prod/`, origin: ORIGIN, ...input }), transport, { readHeaders });

const header = (request: WireRequest, name: string) =>
  request.headers.find(([key]) => key.toLowerCase() === name)?.[1];

describe('corsFetch', () => {
  it('sends a simple request without a preflight, with the Origin', async () => {
    const { sent, transport } = server(() => ({ headers: [['Access-Control-Allow-Origin', '*']] }));
    const outcome = await run({}, transport);
    expect(outcome.verdict).toBe('allowed');
    expect(sent.map((request) => request.method)).toEqual(['GET']);
    expect(header(sent[0]!, 'origin')).toBe(ORIGIN);
  });

  it('asks a preflight with the method and the sorted headers, and stops there when refused', async () => {
    const { sent, transport } = server(() => ({
      status: 204,
      headers: [['Access-Control-Allow-Origin', '*']],
    }));
    const outcome = await run(
      {
        method: 'PUT',
        headers: [
          ['X-B', '1'],
          ['Content-Type', 'application/json'],
        ],
        body: '{}',
      },
      transport,
    );
    expect(sent).toHaveLength(1);
    expect(header(sent[0]!, 'access-control-request-method')).toBe('PUT');
    expect(header(sent[0]!, 'access-control-request-headers')).toBe('content-type,x-b');
    expect([outcome.verdict, outcome.step, outcome.corsError?.corsError]).toEqual([
      'blocked',
      'preflight',
      'MethodDisallowedByPreflightResponse',
    ]);
    expect(outcome.preflight).toEqual({ method: 'PUT', headers: ['x-b', 'content-type'] });
  });

  it('sends Origin: null after a redirect to another origin, and then needs * or null', async () => {
    const { sent, transport } = server((request) =>
      request.url.startsWith(API)
        ? {
            status: 302,
            headers: [
              ['Access-Control-Allow-Origin', ORIGIN],
              ['Location', 'http://127.0.0.1:3200/next'],
            ],
          }
        : { headers: [['Access-Control-Allow-Origin', ORIGIN]] },
    );
    const outcome = await run({}, transport);
    expect(header(sent[1]!, 'origin')).toBe('null');
    expect([outcome.step, outcome.corsError?.corsError]).toEqual(['request', 'AllowOriginMismatch']);
    expect(outcome.consoleMessage).toContain(
      `at 'http://127.0.0.1:3200/next' (redirected from '${API}/prod/')`,
    );
  });

  it('preflights again after a redirect of a request that needs one', async () => {
    const { sent, transport } = server((request) =>
      request.method === 'OPTIONS'
        ? {
            status: 204,
            headers: [
              ['Access-Control-Allow-Origin', '*'],
              ['Access-Control-Allow-Methods', 'PUT'],
            ],
          }
        : request.url.endsWith('/prod/')
          ? {
              status: 307,
              headers: [
                ['Access-Control-Allow-Origin', '*'],
                ['Location', '/prod/moved'],
              ],
            }
          : { headers: [['Access-Control-Allow-Origin', '*']] },
    );
    const outcome = await run({ method: 'PUT' }, transport);
    expect(sent.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'OPTIONS /prod/',
      'PUT /prod/',
      'OPTIONS /prod/moved',
      'PUT /prod/moved',
    ]);
    expect(outcome.verdict).toBe('allowed');
  });

  it('turns a POST into a GET on a 303 and drops its body', async () => {
    const { sent, transport } = server((request) =>
      request.url.endsWith('/prod/')
        ? {
            status: 303,
            headers: [
              ['Access-Control-Allow-Origin', '*'],
              ['Location', '/prod/done'],
            ],
          }
        : { headers: [['Access-Control-Allow-Origin', '*']] },
    );
    await run({ method: 'POST', body: 'x' }, transport);
    expect(sent[1]).toMatchObject({ method: 'GET' });
    expect(sent[1]!.body).toBeUndefined();
    expect(header(sent[1]!, 'content-type')).toBeUndefined();
  });

  it('refuses a redirect without Access-Control-Allow-Origin at the redirect step', async () => {
    const { transport } = server(() => ({ status: 302, headers: [['Location', '/prod/x']] }));
    const outcome = await run({}, transport);
    expect([outcome.step, outcome.corsError?.corsError]).toEqual(['redirect', 'MissingAllowOriginHeader']);
  });

  it('gives up after twenty redirects', async () => {
    const { sent, transport } = server(() => ({
      status: 302,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Location', '/prod/'],
      ],
    }));
    const outcome = await run({}, transport);
    expect(sent).toHaveLength(21);
    expect([outcome.step, outcome.netError]).toEqual(['redirect', 'net::ERR_TOO_MANY_REDIRECTS']);
  });

  it('blocks at read-header when a header the page reads is sent but not exposed', async () => {
    const { transport } = server(() => ({
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Request-Id', 'r1'],
      ],
    }));
    const outcome = await run({}, transport, ['x-request-id']);
    expect([outcome.verdict, outcome.step, outcome.status]).toEqual(['blocked', 'read-header', 200]);
    expect(outcome.reads[0]).toMatchObject({ value: null, readability: 'not-exposed' });
  });

  it('applies no CORS to a request on the page origin', async () => {
    const { sent, transport } = server(() => ({ headers: [['X-Request-Id', 'r1']] }));
    const outcome = await corsFetch(
      browserRequest({ url: `${ORIGIN}/api`, origin: ORIGIN, method: 'PUT', headers: [['X-Custom', '1']] }),
      transport,
      { readHeaders: ['x-request-id'] },
    );
    expect(sent.map((request) => request.method)).toEqual(['PUT']);
    expect([outcome.verdict, outcome.reads[0]?.value]).toEqual(['allowed', 'r1']);
  });
});
