import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly } from '@cors-workshop/testing';
import { request } from 'undici';
import { describe, expect } from 'vitest';
import { HTTP_API, REST_API } from '../checks.js';
import { ALLOWED_ORIGINS } from '../lib/cors-settings.js';
import { type CachingProxyOptions, startCachingProxy } from './caching-proxy.js';

const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });

const [FIRST_ORIGIN, LISTED_ORIGIN] = ALLOWED_ORIGINS as [string, string];
const OTHER_ORIGIN = 'https://evil.example';

/** Sends one GET (or another method) and reads the whole answer. */
async function exchange(
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'OPTIONS' = 'GET',
) {
  const response = await request(url, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

describe('credentials and the wildcard', () => {
  it('/wildcard answers * with Access-Control-Allow-Credentials: true, whatever the origin', async ({
    gateway,
  }) => {
    const { headers } = await exchange(`${gateway.urlOf(REST_API)}wildcard`, { Origin: LISTED_ORIGIN });

    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
    });
  });

  it('the preflight CDK generated for /wildcard pairs * with credentials as well', async ({ gateway }) => {
    const { status, headers } = await exchange(
      `${gateway.urlOf(REST_API)}wildcard`,
      { Origin: LISTED_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      'OPTIONS',
    );

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['access-control-allow-credentials']).toBe('true');
  });
});

describe('the dangerous fix: /reflect', () => {
  it.for([OTHER_ORIGIN, 'null', 'http://localhost:3000'])(
    'echoes %s with credentials',
    async (origin, { gateway }) => {
      const { headers } = await exchange(`${gateway.urlOf(REST_API)}reflect`, { Origin: origin });

      expect(headers['access-control-allow-origin']).toBe(origin);
      expect(headers['access-control-allow-credentials']).toBe('true');
    },
  );
});

describe('the allow-list: /profile, from @cors-workshop/cors', () => {
  it('echoes a listed origin with credentials and the exposed header, and varies by origin', async ({
    gateway,
  }) => {
    const { headers } = await exchange(`${gateway.urlOf(REST_API)}profile`, { Origin: LISTED_ORIGIN });

    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': LISTED_ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-Id',
    });
    expect(headers.vary).toBe('Origin');
    expect(headers['x-request-id']).toBe(headers['x-amzn-requestid']);
  });

  it.for([OTHER_ORIGIN, 'null', `${LISTED_ORIGIN}/`, LISTED_ORIGIN.toUpperCase()])(
    'sends no CORS header to %s, which is not on the list as it is written',
    async (origin, { gateway }) => {
      const { headers } = await exchange(`${gateway.urlOf(REST_API)}profile`, { Origin: origin });

      expect(corsHeaders(headers)).toEqual({});
      expect(headers.vary).toBe('Origin');
    },
  );

  it('has a preflight that echoes the second listed origin from the response template', async ({
    gateway,
  }) => {
    const { headers } = await exchange(
      `${gateway.urlOf(REST_API)}profile`,
      { Origin: LISTED_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      'OPTIONS',
    );

    expect(headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
    expect(headers['access-control-allow-credentials']).toBe('true');
  });

  it('has a preflight that answers the first listed origin to anyone else', async ({ gateway }) => {
    const { headers } = await exchange(
      `${gateway.urlOf(REST_API)}profile`,
      { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      'OPTIONS',
    );

    expect(headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
  });

  it('/unexposed sends X-Request-Id without naming it in Access-Control-Expose-Headers', async ({
    gateway,
  }) => {
    const { headers } = await exchange(`${gateway.urlOf(REST_API)}unexposed`, { Origin: LISTED_ORIGIN });

    expect(headers['x-request-id']).toBeDefined();
    expect(headers['access-control-expose-headers']).toBeUndefined();
  });
});

describe('two sources of Access-Control-Allow-Origin: /duplicate', () => {
  it('merges the multiValueHeaders value and the headers value into one header, the first one first', async ({
    gateway,
  }) => {
    const { headers } = await exchange(`${gateway.urlOf(REST_API)}duplicate`, { Origin: LISTED_ORIGIN });

    expect(headers['access-control-allow-origin']).toBe(`${LISTED_ORIGIN}, *`);
  });
});

describe('the preflight lifetimes', () => {
  it.for([
    ['max-age', '600'],
    ['no-max-age', undefined],
    ['no-cache', '-1'],
  ] as const)('/%s sends Access-Control-Max-Age %s', async ([path, maxAge], { gateway }) => {
    const { headers } = await exchange(
      `${gateway.urlOf(REST_API)}${path}`,
      { Origin: LISTED_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      'OPTIONS',
    );

    expect(headers['access-control-max-age']).toBe(maxAge);
  });
});

describe('the HTTP API: the allow-list in its CORS configuration', () => {
  it('echoes a listed origin with credentials and the exposed header', async ({ gateway }) => {
    const { headers } = await exchange(`${gateway.urlOf(HTTP_API)}profile`, { Origin: LISTED_ORIGIN });

    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': LISTED_ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-Id',
    });
  });

  it('sends no CORS header to an origin outside the list', async ({ gateway }) => {
    const { headers } = await exchange(`${gateway.urlOf(HTTP_API)}profile`, { Origin: OTHER_ORIGIN });

    expect(corsHeaders(headers)).toEqual({});
  });

  it('adds no Vary to the origin it echoes, on the local gateway (AWS documents none)', async ({
    gateway,
  }) => {
    const { headers } = await exchange(`${gateway.urlOf(HTTP_API)}profile`, { Origin: LISTED_ORIGIN });

    expect(headers.vary).toBeUndefined();
  });
});

describe('a shared cache in front of the REST API (the test fixture caching-proxy.ts)', () => {
  /** Runs `body` with a caching proxy in front of the gateway, and closes it after. */
  async function withProxy<T>(
    gatewayUrl: string,
    options: Omit<CachingProxyOptions, 'upstream'>,
    body: (via: (url: string) => string) => Promise<T>,
  ): Promise<T> {
    const proxy = await startCachingProxy({ upstream: new URL(gatewayUrl).origin, ...options });
    try {
      return await body((url) => proxy.via(url));
    } finally {
      await proxy.close();
    }
  }

  it('hands /no-vary of a request without Origin (curl, a monitor) to the listed origin: no Allow-Origin', async ({
    gateway,
  }) => {
    await withProxy(gateway.url, {}, async (via) => {
      const url = via(`${gateway.urlOf(REST_API)}no-vary`);
      await exchange(url);
      const { headers } = await exchange(url, { Origin: LISTED_ORIGIN });

      expect(headers['x-cache']).toBe('Hit');
      expect(corsHeaders(headers)).toEqual({});
    });
  });

  it("hands /no-vary of one listed origin to the other, which then reads the first one's name", async ({
    gateway,
  }) => {
    await withProxy(gateway.url, {}, async (via) => {
      const url = via(`${gateway.urlOf(REST_API)}no-vary`);
      await exchange(url, { Origin: LISTED_ORIGIN });
      const { headers } = await exchange(url, { Origin: FIRST_ORIGIN });

      expect(headers['x-cache']).toBe('Hit');
      expect(headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
    });
  });

  it('keeps one answer per origin for /profile, whose Vary: Origin the cache honours', async ({
    gateway,
  }) => {
    await withProxy(gateway.url, {}, async (via) => {
      const url = via(`${gateway.urlOf(REST_API)}profile`);
      await exchange(url);
      await exchange(url, { Origin: LISTED_ORIGIN });
      const first = await exchange(url, { Origin: FIRST_ORIGIN });
      const again = await exchange(url, { Origin: LISTED_ORIGIN });

      expect(first.headers['x-cache']).toBe('Miss');
      expect(first.headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
      expect(again.headers['x-cache']).toBe('Hit');
      expect(again.headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
    });
  });

  it('mixes up /profile too when the cache keys on its own list of headers and Origin is not on it', async ({
    gateway,
  }) => {
    await withProxy(gateway.url, { honourVary: false }, async (via) => {
      const url = via(`${gateway.urlOf(REST_API)}profile`);
      await exchange(url, { Origin: LISTED_ORIGIN });
      const { headers } = await exchange(url, { Origin: FIRST_ORIGIN });

      expect(headers['x-cache']).toBe('Hit');
      expect(headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
    });
  });

  it('keeps /no-vary apart per origin when Origin is one of the headers the cache keys on', async ({
    gateway,
  }) => {
    await withProxy(gateway.url, { honourVary: false, keyHeaders: ['Origin'] }, async (via) => {
      const url = via(`${gateway.urlOf(REST_API)}no-vary`);
      await exchange(url, { Origin: LISTED_ORIGIN });
      const { headers } = await exchange(url, { Origin: FIRST_ORIGIN });

      expect(headers['x-cache']).toBe('Miss');
      expect(headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
    });
  });

  it('mixes up the HTTP API answers as well, since they carry no Vary', async ({ gateway }) => {
    await withProxy(gateway.urlOf(HTTP_API), {}, async (via) => {
      const url = via(`${gateway.urlOf(HTTP_API)}profile`);
      await exchange(url, { Origin: LISTED_ORIGIN });
      const { headers } = await exchange(url, { Origin: FIRST_ORIGIN });

      expect(headers['x-cache']).toBe('Hit');
      expect(headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
    });
  });
});
