import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CachingProxy, type CachingProxyOptions, startCachingProxy } from './caching-proxy.js';

/** An upstream that echoes the request's Origin and answers as each path says; it counts what it receives. */
let upstream: Server;
let upstreamOrigin: string;
let received: Array<{ method: string; path: string }> = [];

const ANSWERS: Record<
  string,
  (headers: IncomingHttpHeaders) => { status: number; headers: Record<string, string> }
> = {
  '/vary': (headers) => ({ status: 200, headers: { 'x-origin': String(headers.origin), vary: 'Origin' } }),
  '/no-vary': (headers) => ({ status: 200, headers: { 'x-origin': String(headers.origin) } }),
  '/vary-star': () => ({ status: 200, headers: { vary: '*' } }),
  '/no-store': () => ({ status: 200, headers: { 'cache-control': 'no-store' } }),
  '/private': () => ({ status: 200, headers: { 'cache-control': 'private, max-age=60' } }),
  '/missing': () => ({ status: 404, headers: {} }),
};

beforeAll(async () => {
  upstream = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0]!;
    received.push({ method: incoming.method ?? '', path });
    const answer = ANSWERS[path]?.(incoming.headers) ?? { status: 404, headers: {} };
    outgoing.writeHead(answer.status, answer.headers).end(`body of ${incoming.url}`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

const proxies: CachingProxy[] = [];
afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
  received = [];
});

async function proxy(options: Omit<CachingProxyOptions, 'upstream'> = {}): Promise<CachingProxy> {
  const started = await startCachingProxy({ upstream: upstreamOrigin, ...options });
  proxies.push(started);
  return started;
}

async function get(cache: CachingProxy, path: string, headers: Record<string, string> = {}, method = 'GET') {
  const answer = await request(cache.via(`${upstreamOrigin}${path}`), { method, headers });
  return { status: answer.statusCode, headers: answer.headers, body: await answer.body.text() };
}

describe('a caching proxy that honours Vary', () => {
  it('answers a repeated GET from its cache, without asking the upstream again', async () => {
    const cache = await proxy();

    const first = await get(cache, '/no-vary');
    const second = await get(cache, '/no-vary');

    expect(first.headers['x-cache']).toBe('Miss');
    expect(second.headers['x-cache']).toBe('Hit');
    expect(second.body).toBe(first.body);
    expect(received).toHaveLength(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  it('keys on the whole URL, query string included', async () => {
    const cache = await proxy();

    await get(cache, '/no-vary?a=1');
    const other = await get(cache, '/no-vary?a=2');

    expect(other.headers['x-cache']).toBe('Miss');
    expect(received).toHaveLength(2);
  });

  it('hands an answer without Vary to a request from another origin', async () => {
    const cache = await proxy();

    await get(cache, '/no-vary', { Origin: 'https://one.example' });
    const other = await get(cache, '/no-vary', { Origin: 'https://two.example' });

    expect(other.headers['x-cache']).toBe('Hit');
    expect(other.headers['x-origin']).toBe('https://one.example');
  });

  it('keeps one answer per origin when the answer says Vary: Origin', async () => {
    const cache = await proxy();

    await get(cache, '/vary', { Origin: 'https://one.example' });
    const other = await get(cache, '/vary', { Origin: 'https://two.example' });
    const again = await get(cache, '/vary', { Origin: 'https://one.example' });

    expect(other.headers['x-cache']).toBe('Miss');
    expect(other.headers['x-origin']).toBe('https://two.example');
    expect(again.headers['x-cache']).toBe('Hit');
    expect(again.headers['x-origin']).toBe('https://one.example');
  });

  it('tells a request without Origin apart from one with an Origin, under Vary: Origin', async () => {
    const cache = await proxy();

    await get(cache, '/vary');
    const browser = await get(cache, '/vary', { Origin: 'https://one.example' });

    expect(browser.headers['x-cache']).toBe('Miss');
  });

  it('never reuses an answer that says Vary: *', async () => {
    const cache = await proxy();

    await get(cache, '/vary-star');
    const second = await get(cache, '/vary-star');

    expect(second.headers['x-cache']).toBe('Miss');
  });

  it.for(['/no-store', '/private', '/missing'])('does not store the answer of %s', async (path) => {
    const cache = await proxy();

    await get(cache, path);
    const second = await get(cache, path);

    expect(second.headers['x-cache']).toBe('Miss');
    expect(received).toHaveLength(2);
  });

  it('sends every OPTIONS request to the upstream', async () => {
    const cache = await proxy();

    await get(cache, '/no-vary', {}, 'OPTIONS');
    await get(cache, '/no-vary', {}, 'OPTIONS');

    expect(received.map((one) => one.method)).toEqual(['OPTIONS', 'OPTIONS']);
  });

  it('does not answer a request carrying Authorization from its cache', async () => {
    const cache = await proxy();

    await get(cache, '/no-vary');
    const signed = await get(cache, '/no-vary', { Authorization: 'Bearer token' });

    expect(signed.headers['x-cache']).toBe('Miss');
  });
});

describe('a caching proxy that keys on its configured headers only', () => {
  it('ignores Vary: Origin when Origin is not among its key headers', async () => {
    const cache = await proxy({ honourVary: false });

    await get(cache, '/vary', { Origin: 'https://one.example' });
    const other = await get(cache, '/vary', { Origin: 'https://two.example' });

    expect(other.headers['x-cache']).toBe('Hit');
    expect(other.headers['x-origin']).toBe('https://one.example');
  });

  it('keeps one answer per origin when Origin is a key header, even without Vary', async () => {
    const cache = await proxy({ honourVary: false, keyHeaders: ['Origin'] });

    await get(cache, '/no-vary', { Origin: 'https://one.example' });
    const other = await get(cache, '/no-vary', { Origin: 'https://two.example' });

    expect(other.headers['x-cache']).toBe('Miss');
    expect(other.headers['x-origin']).toBe('https://two.example');
  });
});

describe('the URL through the proxy', () => {
  it('keeps the path and query of the upstream URL', async () => {
    const cache = await proxy();

    expect(cache.via(`${upstreamOrigin}/prod/profile?lab=1`)).toBe(`${cache.origin}/prod/profile?lab=1`);
  });

  it('refuses a URL on another origin, naming it', async () => {
    const cache = await proxy();

    expect(() => cache.via('http://elsewhere.example/x')).toThrow('"http://elsewhere.example/x"');
  });
});
