import { type GatewayExchange, silentLogger } from '@cors-workshop/gateway';
import { type ClosableGateway, serveAssembly, sharedAssembly } from '@cors-workshop/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { REST_API } from '../checks.js';
import { startCachingProxy } from './caching-proxy.js';
import { ChromiumPages } from './chromium-pages.js';

const LISTED_ORIGIN = 'http://localhost:5173';
const UNLISTED_ORIGIN = 'http://localhost:3000';

let gateway: ClosableGateway;
let chromium: ChromiumPages;
const exchanges: GatewayExchange[] = [];

beforeAll(async () => {
  gateway = await serveAssembly({
    source: sharedAssembly,
    logger: silentLogger,
    onExchange: (exchange) => exchanges.push(exchange),
  });
  chromium = await ChromiumPages.open([LISTED_ORIGIN, UNLISTED_ORIGIN]);
});

afterAll(async () => {
  await chromium?.close();
  await gateway?.close();
});

/** The gateway's URL of a REST API resource. */
const restUrl = (path: string) => new URL(path, gateway.urlOf(REST_API)).href;

/** How many requests of this method the gateway has received for this resource. */
const received = (method: string, path: string) =>
  exchanges.filter(
    (exchange) =>
      exchange.request.method === method &&
      new URL(exchange.request.url, 'http://x').pathname.endsWith(`/${path}`),
  ).length;

// The preflight-lifetime test waits six seconds; the other tests of the file run meanwhile. Each test calls
// URLs of its own (its own caching proxy, or paths no other test calls), so none sees another's cache entry.
describe.concurrent('a shared cache in front of the API, in Chromium', () => {
  it('serves the answer /no-vary gave a page on no list to the listed page, which is then blocked', async ({
    expect,
  }) => {
    const proxy = await startCachingProxy({ upstream: new URL(gateway.url).origin });
    try {
      const url = proxy.via(restUrl('no-vary'));

      const stranger = await chromium.fetchFrom(UNLISTED_ORIGIN, { url, credentials: 'include' });
      const listed = await chromium.fetchFrom(LISTED_ORIGIN, { url, credentials: 'include' });

      expect(stranger.result.verdict).toBe('blocked');
      expect(listed.result.verdict).toBe('blocked');
      expect(listed.consoleReason).toContain(
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      );
      expect(proxy.stats).toEqual({ hits: 1, misses: 1 });
    } finally {
      await proxy.close();
    }
  });

  it('keeps one answer per origin for /profile, which says Vary: Origin, so the listed page is allowed', async ({
    expect,
  }) => {
    const proxy = await startCachingProxy({ upstream: new URL(gateway.url).origin });
    try {
      const url = proxy.via(restUrl('profile'));

      const stranger = await chromium.fetchFrom(UNLISTED_ORIGIN, { url, credentials: 'include' });
      const listed = await chromium.fetchFrom(LISTED_ORIGIN, { url, credentials: 'include' });

      expect(stranger.result.verdict).toBe('blocked');
      expect(listed.result).toMatchObject({ verdict: 'allowed', status: 200, body: '{"user":"ada"}' });
      expect(proxy.stats).toEqual({ hits: 0, misses: 2 });
    } finally {
      await proxy.close();
    }
  });
});

describe.concurrent("Chromium's preflight cache", () => {
  it("keeps a preflight as long as Access-Control-Max-Age says: 600 s, Chromium's 5 s without it, never for -1", async ({
    expect,
  }) => {
    const paths = ['max-age', 'no-max-age', 'no-cache'] as const;
    const call = async (path: string) => {
      const { result } = await chromium.fetchFrom(LISTED_ORIGIN, {
        url: restUrl(path),
        headers: { 'X-Api-Key': 'lab' },
        credentials: 'include',
      });
      expect(result.verdict).toBe('allowed');
    };
    const preflights = () => Object.fromEntries(paths.map((path) => [path, received('OPTIONS', path)]));

    for (const path of paths) {
      await call(path);
      await call(path);
    }
    const rightAway = preflights();
    // Longer than Chromium's default lifetime of a preflight answer without Access-Control-Max-Age.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    for (const path of paths) await call(path);
    const later = preflights();

    expect(rightAway).toEqual({ 'max-age': 1, 'no-max-age': 1, 'no-cache': 2 });
    expect(later).toEqual({ 'max-age': 1, 'no-max-age': 2, 'no-cache': 3 });
    expect(paths.map((path) => received('GET', path))).toEqual([3, 3, 3]);
  });
});
