import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly } from '@cors-workshop/testing';
import { request } from 'undici';
import { describe, expect } from 'vitest';
import { DEFAULT_ALLOWED_ORIGINS } from '../lib/proxy-cors-restapi-stack.js';

const it = gatewayTest({
  source: sharedAssembly,
  logger: silentLogger,
});

const [FIRST_ORIGIN, SECOND_ORIGIN] = DEFAULT_ALLOWED_ORIGINS as [string, string];
const OTHER_ORIGIN = 'https://not-allowed.example';

/** Sends one request and reads the whole answer. */
async function exchange(url: string, method: 'GET' | 'OPTIONS', headers: Record<string, string> = {}) {
  const response = await request(url, { method, headers });
  const body = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body };
}

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ARTICLE_PREFLIGHT_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
  'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
};

describe('OPTIONS /prod/: the preflight, answered by API Gateway itself', () => {
  it('answers 204 with exactly the three CORS headers of the MOCK integration', async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'OPTIONS');

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual(ARTICLE_PREFLIGHT_HEADERS);
    expect(body).toBe('');
  });

  it('carries the request IDs API Gateway adds, and no trace ID since no Lambda ran', async ({ gateway }) => {
    const { headers } = await exchange(gateway.url, 'OPTIONS');

    expect(headers['x-amzn-requestid']).toMatch(REQUEST_ID);
    expect(headers['x-amz-apigw-id']).toMatch(/^[A-Za-z0-9_+/-]+=$/);
    expect(headers['x-amzn-trace-id']).toBeUndefined();
  });

  it("answers a browser's preflight the same way, whatever the origin", async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'content-type',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual(ARTICLE_PREFLIGHT_HEADERS);
  });
});

describe('GET /prod/: the actual request, answered by RestProxyFn', () => {
  it("answers 200 with the function's body and the Allow-Origin header it set", async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'GET');

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['content-length']).toBe('14');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe('{"state":"ok"}');
  });

  it('carries the request IDs and a trace ID, as a Lambda-backed answer does', async ({ gateway }) => {
    const { headers } = await exchange(gateway.url, 'GET');

    expect(headers['x-amzn-requestid']).toMatch(REQUEST_ID);
    expect(headers['x-amz-apigw-id']).toMatch(/^[A-Za-z0-9_+/-]+=$/);
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}/);
  });

  it('gives a new request ID to every request', async ({ gateway }) => {
    const first = await exchange(gateway.url, 'GET');
    const second = await exchange(gateway.url, 'GET');

    expect(first.headers['x-amzn-requestid']).not.toBe(second.headers['x-amzn-requestid']);
  });
});

describe('errors from API Gateway itself carry no CORS header', () => {
  it('answers a missing route with 403 Missing Authentication Token and no Allow-Origin', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(new URL('missing', gateway.url).href, 'GET', {
      Origin: FIRST_ORIGIN,
    });

    expect(status).toBe(403);
    expect(body).toBe('{"message":"Missing Authentication Token"}');
    expect(corsHeaders(headers)).toEqual({});
  });
});

describe('GET /prod/greeting: the better way, with a shared CORS policy', () => {
  const greeting = (url: string) => new URL('greeting', url).href;

  it('echoes an allowed origin with Vary: Origin', async ({ gateway }) => {
    const { status, headers, body } = await exchange(greeting(gateway.url), 'GET', { Origin: SECOND_ORIGIN });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': SECOND_ORIGIN });
    expect(headers.vary).toBe('Origin');
    expect(body).toBe('{"greeting":"hello"}');
  });

  it('sends no Allow-Origin to an origin outside the list, but still Vary: Origin', async ({ gateway }) => {
    const { status, headers } = await exchange(greeting(gateway.url), 'GET', { Origin: OTHER_ORIGIN });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({});
    expect(headers.vary).toBe('Origin');
  });

  it('sends no Allow-Origin to a request without an Origin, such as curl', async ({ gateway }) => {
    const { headers } = await exchange(greeting(gateway.url), 'GET');

    expect(corsHeaders(headers)).toEqual({});
    expect(headers.vary).toBe('Origin');
  });

  it('has a preflight that answers the first allowed origin from the static mapping', async ({ gateway }) => {
    const { status, headers } = await exchange(greeting(gateway.url), 'OPTIONS', {
      Origin: FIRST_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
    expect(headers.vary).toBe('Origin');
  });

  it('has a preflight that echoes another allowed origin through the response template', async ({
    gateway,
  }) => {
    const { status, headers } = await exchange(greeting(gateway.url), 'OPTIONS', {
      Origin: SECOND_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe(SECOND_ORIGIN);
  });

  it('has a preflight that never echoes an origin outside the list', async ({ gateway }) => {
    const { headers } = await exchange(greeting(gateway.url), 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
  });
});
