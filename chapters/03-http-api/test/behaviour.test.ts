import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly } from '@cors-workshop/testing';
import { request } from 'undici';
import { describe, expect } from 'vitest';
import { CLAIMED_ORIGIN } from '../handlers/own-cors.js';
import { DEFAULT_LISTED_ORIGINS } from '../lib/proxy-cors-httpapi-stack.js';

const it = gatewayTest({
  source: sharedAssembly,
  logger: silentLogger,
});

const ARTICLE_API = 'ProxyCorsHttpApiC5DA21B9';
const LISTED_API = 'ListedOriginsHttpApiFFA6A97F';
const [LISTED_ORIGIN, SECOND_LISTED_ORIGIN] = DEFAULT_LISTED_ORIGINS as [string, string];
const PAGE_ORIGIN = 'https://page.example';
const OTHER_ORIGIN = 'https://not-listed.example';

/** Sends one request and reads the whole answer. */
async function exchange(
  url: string,
  method: 'GET' | 'POST' | 'OPTIONS',
  headers: Record<string, string> = {},
) {
  const response = await request(url, { method, headers });
  const body = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body };
}

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

const REQUEST_ID = /^[A-Za-z0-9+/]{15}=$/;

describe('OPTIONS / without an Origin, like curl -X OPTIONS', () => {
  it('is answered by API Gateway with 204, no body and no CORS header at all', async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.urlOf(ARTICLE_API), 'OPTIONS');

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual({});
    expect(headers['content-type']).toBeUndefined();
    expect(headers['apigw-requestid']).toMatch(REQUEST_ID);
    expect(body).toBe('');
  });
});

describe('GET /: HttpProxyFn, which sets no header', () => {
  it('answers without an Origin: text/plain, 14 bytes, and no Allow-Origin — the trap', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(gateway.urlOf(ARTICLE_API), 'GET');

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(headers['content-length']).toBe('14');
    expect(corsHeaders(headers)).toEqual({});
    expect(body).toBe('{"state":"ok"}');
  });

  it('answers with an Origin: access-control-allow-origin: *, added by API Gateway', async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.urlOf(ARTICLE_API), 'GET', {
      Origin: PAGE_ORIGIN,
    });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe('{"state":"ok"}');
  });

  it('carries an apigw-requestid, new for every request, and none of the REST API IDs', async ({
    gateway,
  }) => {
    const first = await exchange(gateway.urlOf(ARTICLE_API), 'GET');
    const second = await exchange(gateway.urlOf(ARTICLE_API), 'GET');

    expect(first.headers['apigw-requestid']).toMatch(REQUEST_ID);
    expect(first.headers['apigw-requestid']).not.toBe(second.headers['apigw-requestid']);
    expect(first.headers['x-amzn-requestid']).toBeUndefined();
    expect(first.headers['x-amz-apigw-id']).toBeUndefined();
  });
});

describe("a browser's preflight, with no OPTIONS route anywhere", () => {
  it('is answered by API Gateway from the CORS configuration, which allows no request header', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(gateway.urlOf(ARTICLE_API), 'OPTIONS', {
      Origin: PAGE_ORIGIN,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'content-type',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': '*',
    });
    expect(body).toBe('');
  });
});

describe('GET /own-cors: OwnCorsFn, which writes its own CORS headers', () => {
  const ownCors = (url: string) => new URL('own-cors', url).href;

  it("loses the function's CORS headers when the request has no Origin", async ({ gateway }) => {
    const { status, headers, body } = await exchange(ownCors(gateway.urlOf(ARTICLE_API)), 'GET');

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({});
    expect(headers['content-type']).toBe('application/json');
    expect(body).toBe('{"state":"ok"}');
  });

  it("gets the API's CORS header instead of the function's when it has one", async ({ gateway }) => {
    const { headers } = await exchange(ownCors(gateway.urlOf(ARTICLE_API)), 'GET', { Origin: PAGE_ORIGIN });

    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(JSON.stringify(headers)).not.toContain(CLAIMED_ORIGIN);
  });
});

describe('errors from API Gateway itself', () => {
  it('answers a missing route with 404 {"message":"Not Found"}', async ({ gateway }) => {
    const { status, headers, body } = await exchange(
      new URL('missing', gateway.urlOf(ARTICLE_API)).href,
      'GET',
      {
        Origin: PAGE_ORIGIN,
      },
    );

    expect(status).toBe(404);
    expect(headers['content-type']).toBe('application/json');
    expect(body).toBe('{"message":"Not Found"}');
  });
});

describe('ListedOriginsHttpApi: listed origins, credentials, an exposed header and a max age', () => {
  const profile = (url: string) => new URL('profile', url).href;

  it('answers the preflight of a listed origin with its origin echoed and every configured header', async ({
    gateway,
  }) => {
    const { status, headers } = await exchange(profile(gateway.urlOf(LISTED_API)), 'OPTIONS', {
      Origin: SECOND_LISTED_ORIGIN,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,authorization',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': SECOND_LISTED_ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'content-type,authorization',
      'access-control-max-age': '600',
    });
  });

  it('answers the preflight of an origin that is not listed with 204 and no CORS header', async ({
    gateway,
  }) => {
    const { status, headers } = await exchange(profile(gateway.urlOf(LISTED_API)), 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual({});
  });

  it.for([
    ['a method that is not allowed', { 'Access-Control-Request-Method': 'DELETE' }],
    [
      'a header that is not allowed',
      { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-trace' },
    ],
  ] as const)(
    'answers the preflight of %s with what is allowed: the browser says no',
    async ([, asked], { gateway }) => {
      const { status, headers } = await exchange(profile(gateway.urlOf(LISTED_API)), 'OPTIONS', {
        Origin: LISTED_ORIGIN,
        ...asked,
      });

      expect(status).toBe(204);
      expect(headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
      expect(headers['access-control-allow-methods']).toBe('GET,POST');
      expect(headers['access-control-allow-headers']).toBe('content-type,authorization');
    },
  );

  it('answers a listed origin with its origin echoed, credentials allowed and x-request-id exposed', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(profile(gateway.urlOf(LISTED_API)), 'GET', {
      Origin: LISTED_ORIGIN,
    });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': LISTED_ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    });
    expect(headers['x-request-id']).toBe(headers['apigw-requestid']);
    expect(headers['set-cookie']).toBe('session=ada; Path=/; Secure; HttpOnly; SameSite=None');
    expect(body).toBe('{"user":"ada"}');
  });

  it('answers an origin that is not listed, but without a single CORS header', async ({ gateway }) => {
    const { status, headers, body } = await exchange(profile(gateway.urlOf(LISTED_API)), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({});
    expect(body).toBe('{"user":"ada"}');
  });
});
