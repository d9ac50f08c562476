import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly, sharedVariant } from '@cors-workshop/testing';
import { request } from 'undici';
import { describe } from 'vitest';
import { BARE_API, BINARY_API, FIXED_API, HTTP_API } from '../checks.js';
import { DEMO_API_KEY } from '../lib/errors-cors-stack.js';

const ORIGIN = 'http://localhost:3000';

async function exchange(url: string, method = 'GET', headers: Record<string, string> = { Origin: ORIGIN }) {
  const response = await request(url, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });

describe.concurrent('BareRestApi: the errors API Gateway writes itself', () => {
  it.for([
    ['nothing-here', 'GET', 403, 'MissingAuthenticationTokenException'],
    ['items', 'PUT', 403, 'MissingAuthenticationTokenException'],
    ['malformed', 'GET', 502, 'InternalServerErrorException'],
    ['throws', 'GET', 502, 'InternalServerErrorException'],
    ['slow', 'GET', 504, 'InternalServerErrorException'],
  ] as const)(
    '%s %s: %i %s, and no CORS header',
    async ([path, method, status, errorType], { gateway, expect }) => {
      const answer = await exchange(`${gateway.urlOf(BARE_API)}${path}`, method);

      expect(answer.status).toBe(status);
      expect(answer.headers['x-amzn-errortype']).toBe(errorType);
      expect(corsHeaders(answer.headers)).toEqual({});
    },
  );

  it('keeps none of what the malformed function returned, its Access-Control-Allow-Origin included', async ({
    gateway,
    expect,
  }) => {
    const answer = await exchange(`${gateway.urlOf(BARE_API)}malformed`);

    expect(answer.body).toBe('{"message": "Internal server error"}');
    expect(answer.headers['x-amzn-trace-id']).toBeUndefined();
  });

  it('answers an OPTIONS request to a path with no resource 403 as well: the preflight fails', async ({
    gateway,
    expect,
  }) => {
    const answer = await exchange(`${gateway.urlOf(BARE_API)}nothing-here`, 'OPTIONS', {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(answer.status).toBe(403);
    expect(corsHeaders(answer.headers)).toEqual({});
  });
});

describe.concurrent('FixedRestApi: gateway responses', () => {
  it.for(['malformed', 'throws'])(
    'gives the 502 of /%s the header of DEFAULT_5XX',
    async (path, { gateway, expect }) => {
      const answer = await exchange(`${gateway.urlOf(FIXED_API)}${path}`);

      expect(answer.status).toBe(502);
      expect(corsHeaders(answer.headers)).toEqual({ 'access-control-allow-origin': '*' });
    },
  );

  it('answers a missing route from its own MISSING_AUTHENTICATION_TOKEN response: 404, its body, the header', async ({
    gateway,
    expect,
  }) => {
    const answer = await exchange(`${gateway.urlOf(FIXED_API)}nothing-here`);

    expect(answer.status).toBe(404);
    expect(answer.body).toBe('{"message":"No such route"}');
    expect(answer.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(corsHeaders(answer.headers)).toEqual({ 'access-control-allow-origin': '*' });
  });

  it('answers a timeout from the INTEGRATION_TIMEOUT response alone: its body, no header', async ({
    gateway,
    expect,
  }) => {
    const answer = await exchange(`${gateway.urlOf(FIXED_API)}slow`);

    expect(answer.status).toBe(504);
    expect(answer.body).toBe('{"message":"The items are slow today; try again"}');
    expect(corsHeaders(answer.headers)).toEqual({});
  });

  it('leaves the working route as it was: the function still sets the header', async ({
    gateway,
    expect,
  }) => {
    const answer = await exchange(`${gateway.urlOf(FIXED_API)}items`);

    expect(answer.status).toBe(200);
    expect(corsHeaders(answer.headers)).toEqual({ 'access-control-allow-origin': '*' });
  });
});

describe.concurrent('the method request: API key, validation, throttling', () => {
  it.for([BARE_API, FIXED_API])(
    '%s lets a request with the demo key through to the function',
    async (api, { gateway, expect }) => {
      const answer = await exchange(`${gateway.urlOf(api)}keyed`, 'GET', {
        Origin: ORIGIN,
        'x-api-key': DEMO_API_KEY,
      });

      expect(answer.status).toBe(200);
      expect(answer.body).toBe('{"items":[]}');
    },
  );

  it('refuses a key no usage plan grants with the same 403', async ({ gateway, expect }) => {
    const answer = await exchange(`${gateway.urlOf(BARE_API)}keyed`, 'GET', {
      Origin: ORIGIN,
      'x-api-key': 'a-key-that-no-usage-plan-grants',
    });

    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('ForbiddenException');
  });

  it('lets GET /search?q=… and a POST /items with a name through validation', async ({ gateway, expect }) => {
    const search = await exchange(`${gateway.urlOf(BARE_API)}search?q=pens`);
    const post = await request(`${gateway.urlOf(BARE_API)}items`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: '{"name":"pen"}',
    });

    expect(search.status).toBe(200);
    expect(post.statusCode).toBe(200);
    await post.body.text();
  });

  it('refuses a POST /items without a body as an invalid body', async ({ gateway, expect }) => {
    const answer = await request(`${gateway.urlOf(BARE_API)}items`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
    });

    expect(answer.statusCode).toBe(400);
    expect(await answer.body.text()).toBe('{"message":"Invalid request body"}');
  });

  it('throttles only the GET: the preflight of /throttled still answers 204', async ({ gateway, expect }) => {
    const answer = await exchange(`${gateway.urlOf(BARE_API)}throttled`, 'OPTIONS', {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(answer.status).toBe(204);
  });
});

describe.concurrent('BinaryRestApi: binaryMediaTypes */* and the preflight', () => {
  it('answers the preflight as CDK generates it 500, without any CORS header', async ({
    gateway,
    expect,
  }) => {
    const answer = await exchange(`${gateway.urlOf(BINARY_API)}as-generated`, 'OPTIONS', {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(answer.status).toBe(500);
    expect(corsHeaders(answer.headers)).toEqual({});
  });

  it('answers the converted preflight 204 with the MOCK headers, and the GET behind it 200', async ({
    gateway,
    expect,
  }) => {
    const preflight = await exchange(`${gateway.urlOf(BINARY_API)}converted`, 'OPTIONS', {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });
    const get = await exchange(`${gateway.urlOf(BINARY_API)}converted`);

    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(get.status).toBe(200);
  });
});

describe.concurrent('ErrorsHttpApi: the same failures behind an HTTP API', () => {
  it.for([
    ['malformed', 500],
    ['throws', 500],
    ['slow', 503],
  ] as const)(
    'answers /%s %i with the Allow-Origin of its CORS configuration',
    async ([path, status], { gateway, expect }) => {
      const answer = await exchange(`${gateway.urlOf(HTTP_API)}${path}`);

      expect(answer.status).toBe(status);
      expect(corsHeaders(answer.headers)).toEqual({ 'access-control-allow-origin': '*' });
    },
  );

  it('answers a path with no route 404 without any CORS header', async ({ gateway, expect }) => {
    const answer = await exchange(`${gateway.urlOf(HTTP_API)}nothing-here`);

    expect(answer.status).toBe(404);
    expect(corsHeaders(answer.headers)).toEqual({});
  });

  it('adds no CORS header to a failure when the request has no Origin', async ({ gateway, expect }) => {
    const answer = await exchange(`${gateway.urlOf(HTTP_API)}throws`, 'GET', {});

    expect(answer.status).toBe(500);
    expect(corsHeaders(answer.headers)).toEqual({});
  });
});

/**
 * The chapter's stack with FixedRestApi's specific types changed (see test/global-setup.ts): no
 * MISSING_AUTHENTICATION_TOKEN response, and an INTEGRATION_TIMEOUT response that repeats the header.
 */
const itVariant = gatewayTest({ source: () => sharedVariant('specificTypesChanged'), logger: silentLogger });

describe.concurrent('DEFAULT_4XX versus a specific type, on a variant of FixedRestApi', () => {
  itVariant(
    'answers a missing route from DEFAULT_4XX when MISSING_AUTHENTICATION_TOKEN is not customised',
    async ({ gateway, expect }) => {
      const answer = await exchange(`${gateway.urlOf(FIXED_API)}nothing-here`);

      expect(answer.status).toBe(403);
      expect(answer.body).toBe('{"message":"Missing Authentication Token"}');
      expect(corsHeaders(answer.headers)).toEqual({ 'access-control-allow-origin': '*' });
    },
  );

  itVariant('gives the 504 its header once the specific type repeats it', async ({ gateway, expect }) => {
    const answer = await exchange(`${gateway.urlOf(FIXED_API)}slow`);

    expect(answer.status).toBe(504);
    expect(answer.body).toBe('{"message":"The items are slow today; try again"}');
    expect(corsHeaders(answer.headers)).toEqual({ 'access-control-allow-origin': '*' });
  });
});
