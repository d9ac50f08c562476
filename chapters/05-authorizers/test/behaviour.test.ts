import { mintToken, silentLogger } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly, sharedVariant } from '@cors-workshop/testing';
import { request } from 'undici';
import { describe, expect } from 'vitest';
import { CATALOG_API_KEY } from '../lib/authorizers-stack.js';

const PAGE_ORIGIN = 'http://localhost:3000';
const REST_API = 'OrdersRestApiE759704F';
const HTTP_API = 'ProfileHttpApi229300B3';
const CATALOG_API = 'CatalogRestApi3A5CAAF3';
const USER_POOL = 'Users0A0EEA89';

// The stack as deployed, and its versions before each fix (see test/global-setup.ts), each synthesized once
// per run with its functions bundled.
/** The stack as deployed. */
const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });
/** The HTTP API before its fix: no OPTIONS /{proxy+} route, so $default catches the preflights. */
const itWithoutPreflightRoute = gatewayTest({
  source: () => sharedVariant('withoutPreflightRoute'),
  logger: silentLogger,
});
/** CatalogRestApi before its fix: no DEFAULT_4XX gateway response. */
const itWithoutCatalogGatewayResponse = gatewayTest({
  source: () => sharedVariant('withoutCatalogGatewayResponse'),
  logger: silentLogger,
});
/** The stack before the fix: no DEFAULT_4XX gateway response. */
const itWithoutGatewayResponse = gatewayTest({
  source: () => sharedVariant('withoutGatewayResponse'),
  logger: silentLogger,
});

// Tokens only depend on the pool's IDs, which every version of the stack shares.
const token = (claims?: Record<string, unknown>) =>
  mintToken({ source: sharedAssembly(), userPool: USER_POOL, claims });

async function call(url: string, headers: Record<string, string> = {}, method: 'GET' | 'OPTIONS' = 'GET') {
  const response = await request(url, { method, headers: { Origin: PAGE_ORIGIN, ...headers } });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('OrdersRestApi, GET /orders behind the Lambda TOKEN authorizer', () => {
  it('answers the preflight without a token: the OPTIONS method has no authorizer', async ({ gateway }) => {
    const preflight = await call(
      `${gateway.urlOf(REST_API)}orders`,
      { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      'OPTIONS',
    );

    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
  });

  it('refuses a missing, an unknown and a suspended token with 401, 401 and 403, each with the CORS header', async ({
    gateway,
  }) => {
    const url = `${gateway.urlOf(REST_API)}orders`;
    const answers = [await call(url), await call(url, { Authorization: 'Bearer guess' })];
    answers.push(await call(url, { Authorization: 'Bearer suspended' }));

    expect(answers.map((answer) => [answer.status, answer.headers['access-control-allow-origin']])).toEqual([
      [401, '*'],
      [401, '*'],
      [403, '*'],
    ]);
  });

  it("lets a known user's token through to OrdersFn", async ({ gateway }) => {
    const answer = await call(`${gateway.urlOf(REST_API)}orders`, { Authorization: 'Bearer reader' });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ user: 'ada', orders: ['tea', 'scones'] });
  });
});

describe('OrdersRestApi, GET /profile behind the Cognito authorizer', () => {
  it("lets an ID token of the Users pool through, and ProfileFn reads the token's claims", async ({
    gateway,
  }) => {
    const answer = await call(`${gateway.urlOf(REST_API)}profile`, { Authorization: await token() });

    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"user":"local-user"}');
  });

  it('accepts the token after "Bearer " as well', async ({ gateway }) => {
    const answer = await call(`${gateway.urlOf(REST_API)}profile`, {
      Authorization: `Bearer ${await token()}`,
    });

    expect(answer.status).toBe(200);
  });

  it('refuses an expired token with its own 401 message', async ({ gateway }) => {
    const expired = await token({ exp: Math.floor(Date.now() / 1000) - 60 });
    const answer = await call(`${gateway.urlOf(REST_API)}profile`, { Authorization: expired });

    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"The incoming token has expired"}');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses an access token: a method without authorization scopes wants an ID token', async ({
    gateway,
  }) => {
    const access = await token({ token_use: 'access' });

    expect((await call(`${gateway.urlOf(REST_API)}profile`, { Authorization: access })).status).toBe(401);
  });
});

describe('without the DEFAULT_4XX gateway response', () => {
  itWithoutGatewayResponse(
    "the authorizers' 401 and 403 carry no CORS header, so a page cannot read them",
    async ({ gateway }) => {
      const url = `${gateway.urlOf(REST_API)}orders`;
      const answers = [await call(url), await call(url, { Authorization: 'Bearer suspended' })];
      answers.push(await call(`${gateway.urlOf(REST_API)}profile`));

      expect(answers.map((answer) => [answer.status, answer.headers['access-control-allow-origin']])).toEqual(
        [
          [401, undefined],
          [403, undefined],
          [401, undefined],
        ],
      );
    },
  );

  itWithoutGatewayResponse(
    'still answers a known token with the header its function sets',
    async ({ gateway }) => {
      const answer = await call(`${gateway.urlOf(REST_API)}orders`, { Authorization: 'Bearer reader' });

      expect([answer.status, answer.headers['access-control-allow-origin']]).toEqual([200, '*']);
    },
  );
});

describe('ProfileHttpApi, $default behind the JWT authorizer of the Users pool', () => {
  const preflight = {
    'Access-Control-Request-Method': 'GET',
    'Access-Control-Request-Headers': 'authorization',
  };

  it("lets an ID token of the pool's web client through, and ProfileFn reads its claims", async ({
    gateway,
  }) => {
    const answer = await call(`${gateway.urlOf(HTTP_API)}profile`, {
      Authorization: `Bearer ${await token()}`,
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"user":"local-user"}');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses a token for another audience, saying why in www-authenticate', async ({ gateway }) => {
    const answer = await call(`${gateway.urlOf(HTTP_API)}profile`, {
      Authorization: `Bearer ${await token({ aud: 'another-client' })}`,
    });

    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe(
      'Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"',
    );
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers the preflight of any path below the root itself, thanks to OPTIONS /{proxy+}', async ({
    gateway,
  }) => {
    const answer = await call(`${gateway.urlOf(HTTP_API)}some/deep/path`, preflight, 'OPTIONS');

    expect(answer.status).toBe(204);
  });

  itWithoutPreflightRoute(
    'without OPTIONS /{proxy+}, the preflight goes to $default, whose authorizer refuses it with 401',
    async ({ gateway }) => {
      const answer = await call(`${gateway.urlOf(HTTP_API)}profile`, preflight, 'OPTIONS');

      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
    },
  );
});

describe('CatalogRestApi, GET /catalog and GET /specials behind an API key', () => {
  const preflight = {
    'Access-Control-Request-Method': 'GET',
    'Access-Control-Request-Headers': 'x-api-key',
  };

  it('answers the preflight without a key, allowing X-Api-Key among the default headers', async ({
    gateway,
  }) => {
    const answer = await call(`${gateway.urlOf(CATALOG_API)}catalog`, preflight, 'OPTIONS');

    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-headers']?.toString().split(',')).toContain('X-Api-Key');
  });

  it('refuses a missing, an unknown and a wrongly cased value with 403 Forbidden, each with the CORS header', async ({
    gateway,
  }) => {
    const url = `${gateway.urlOf(CATALOG_API)}catalog`;
    const answers = [
      await call(url),
      await call(url, { 'X-Api-Key': 'a-key-nobody-issued-to-anyone' }),
      await call(url, { 'X-Api-Key': CATALOG_API_KEY.toUpperCase() }),
    ];

    expect(
      answers.map((answer) => [answer.status, answer.body, answer.headers['access-control-allow-origin']]),
    ).toEqual([
      [403, '{"message":"Forbidden"}', '*'],
      [403, '{"message":"Forbidden"}', '*'],
      [403, '{"message":"Forbidden"}', '*'],
    ]);
  });

  it('lets the value of CatalogKey through to CatalogFn, whatever the case of the header name', async ({
    gateway,
  }) => {
    const answer = await call(`${gateway.urlOf(CATALOG_API)}catalog`, { 'x-API-key': CATALOG_API_KEY });

    expect([answer.status, answer.body]).toEqual([200, '{"items":["tea","scones","jam"]}']);
  });

  it('answers the preflight of /specials with its own list, which does not name X-Api-Key, though the GET would pass', async ({
    gateway,
  }) => {
    const url = `${gateway.urlOf(CATALOG_API)}specials`;
    const answer = await call(url, preflight, 'OPTIONS');

    expect([answer.status, answer.headers['access-control-allow-headers']]).toEqual([
      204,
      'Content-Type,Authorization',
    ]);
    expect((await call(url, { 'X-Api-Key': CATALOG_API_KEY })).status).toBe(200);
  });

  itWithoutCatalogGatewayResponse(
    'without its DEFAULT_4XX gateway response, the 403 of a missing key carries no CORS header',
    async ({ gateway }) => {
      const answer = await call(`${gateway.urlOf(CATALOG_API)}catalog`);

      expect([answer.status, answer.headers['access-control-allow-origin']]).toEqual([403, undefined]);
    },
  );
});
