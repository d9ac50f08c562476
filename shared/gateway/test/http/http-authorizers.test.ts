import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { mintUserPoolToken } from '../../src/auth/mint-token.js';
import type { UserPoolDefinition } from '../../src/auth/user-pools.js';
import { isolateIssuerKey } from '../support/user-pool.js';
import { authorizedHttpApi, poolOf, ROUTES } from './fixtures/authorizer-http-api.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

isolateIssuerKey();

async function call(url: string, headers: Record<string, string> = {}, method: 'GET' | 'OPTIONS' = 'GET') {
  const response = await request(url, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

const preflight = { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' };

describe('an HTTP API route with a JWT authorizer', () => {
  let url: string;
  let pool: UserPoolDefinition;
  beforeAll(async () => {
    ({ url } = await serveHttpApi(authorizedHttpApi(ROUTES)));
    pool = poolOf(ROUTES);
  });

  it('answers 401 with www-authenticate: Bearer when there is no token, and the CORS header', async () => {
    const answer = await call(`${url}jwt`, { Origin: 'https://app.example' });

    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers['www-authenticate']).toBe('Bearer');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('lets a token of the issuer for the audience through, with its claims as strings in requestContext.authorizer.jwt', async () => {
    const answer = await call(`${url}jwt`, { Authorization: `Bearer ${await mintUserPoolToken(pool)}` });
    const { authorizer } = JSON.parse(answer.body).requestContext;

    expect(answer.status).toBe(200);
    expect(authorizer.jwt.scopes).toBeNull();
    expect(authorizer.jwt.claims).toMatchObject({
      iss: pool.issuer,
      token_use: 'id',
      exp: expect.stringMatching(/^\d+$/),
    });
  });

  it.each([
    [{ aud: 'someone-else' }, 'the token does not have a valid audience'],
    [{ exp: 1 }, 'the token has expired'],
    [{ iss: 'https://elsewhere.example' }, 'the token does not have a valid issuer'],
  ])('answers 401 invalid_token for %j: %s', async (claims, description) => {
    const answer = await call(`${url}jwt`, { Authorization: await mintUserPoolToken(pool, claims) });

    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe(
      `Bearer scope="" error="invalid_token" error_description="${description}"`,
    );
  });

  it('answers 401 for a token that is no JWT, as AWS words it', async () => {
    const answer = await call(`${url}jwt`, { Authorization: 'Bearer not-a-token' });

    expect(answer.headers['www-authenticate']).toBe(
      'Bearer scope="" error="invalid_token" error_description="token contains an invalid number of segments"',
    );
  });

  it("lets an access token holding one of the route's scopes through, and answers 403 to one without", async () => {
    const withScope = await mintUserPoolToken(pool, { token_use: 'access', scope: 'profile orders/read' });
    const without = await mintUserPoolToken(pool, { token_use: 'access', scope: 'profile' });
    const allowed = await call(`${url}scoped`, { Authorization: withScope });
    const refused = await call(`${url}scoped`, { Authorization: without });

    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.body).requestContext.authorizer.jwt.scopes).toEqual(['profile', 'orders/read']);
    expect([refused.status, refused.body]).toEqual([403, '{"message":"Forbidden"}']);
    expect(refused.headers['www-authenticate']).toBe(
      'Bearer scope="orders/read" error="insufficient_scope" error_description="the token does not have the required scopes"',
    );
  });
});

describe('an HTTP API route with a Lambda authorizer', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveHttpApi(authorizedHttpApi(ROUTES)));
  });

  it('answers 401 without calling the function when the identity source is missing', async () => {
    expect(await call(`${url}simple`)).toMatchObject({ status: 401, body: '{"message":"Unauthorized"}' });
  });

  it('answers 403 Forbidden when a simple response is not authorized', async () => {
    expect(await call(`${url}simple`, { Authorization: 'nope' })).toMatchObject({
      status: 403,
      body: '{"message":"Forbidden"}',
    });
  });

  it('lets an authorized simple response through, with its context in requestContext.authorizer.lambda', async () => {
    const answer = await call(`${url}simple`, { Authorization: 'let-me-in' });
    const { lambda } = JSON.parse(answer.body).requestContext.authorizer;

    expect(answer.status).toBe(200);
    expect(lambda).toMatchObject({ user: 'ada', level: 3 });
  });

  it('sends the function the payload 2.0 authorizer event: routeArn, identitySource, then the request', async () => {
    const answer = await call(`${url}simple?x=1`, { Authorization: 'let-me-in' });
    const event = JSON.parse(JSON.parse(answer.body).requestContext.authorizer.lambda.event);

    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      identitySource: ['let-me-in'],
      routeKey: 'GET /simple',
      rawPath: '/simple',
      rawQueryString: 'x=1',
      queryStringParameters: { x: '1' },
    });
    expect(event.routeArn).toMatch(
      /^arn:aws:execute-api:[^:]+:123456789012:[a-z0-9]+\/\$default\/GET\/simple$/,
    );
    expect(event).not.toHaveProperty('body');
  });

  it('evaluates an IAM policy answer against the route ARN', async () => {
    expect((await call(`${url}policy`, { Authorization: 'allow' })).status).toBe(200);
    expect(await call(`${url}policy`, { Authorization: 'deny' })).toMatchObject({
      status: 403,
      body: '{"message":"Forbidden"}',
    });
  });

  it('gives a payload 1.0 integration the context as strings, with principalId, from a 1.0 authorizer', async () => {
    const answer = await call(`${url}v1`, { Authorization: 'allow' });
    const { authorizer } = JSON.parse(answer.body).requestContext;

    expect(answer.status).toBe(200);
    expect(authorizer).toMatchObject({ level: '3', version: '1.0', principalId: 'ada' });
  });

  it('answers 500 Internal Server Error when the function throws or answers something unreadable', async () => {
    expect(await call(`${url}simple`, { Authorization: 'boom' })).toMatchObject({
      status: 500,
      body: '{"message":"Internal Server Error"}',
    });
    expect((await call(`${url}simple`, { Authorization: 'bad' })).status).toBe(500);
  });

  it('answers 401 when the function throws Unauthorized', async () => {
    expect((await call(`${url}simple`, { Authorization: 'unauthorized' })).status).toBe(401);
  });

  it('reuses a cached answer for the same identity source within AuthorizerResultTtlInSeconds', async () => {
    const callsOf = async () =>
      JSON.parse((await call(`${url}cached`, { Authorization: 'let-me-in' })).body).requestContext.authorizer
        .lambda.calls;
    const first = await callsOf();

    expect(await callsOf()).toBe(first);
  });
});

describe('the automatic CORS preflight and routes with an authorizer', () => {
  let url: string;
  let fixedUrl: string;
  beforeAll(async () => {
    ({ url } = await serveHttpApi(authorizedHttpApi(ROUTES)));
    ({ url: fixedUrl } = await serveHttpApi(
      authorizedHttpApi([...ROUTES, { routeKey: 'OPTIONS /{proxy+}', functionId: 'Echo' }]),
    ));
  });

  it('sends a preflight the $default route catches through its authorizer, which refuses it with 401', async () => {
    const answer = await call(`${url}jwt`, preflight, 'OPTIONS');

    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers the preflight itself once an OPTIONS /{proxy+} route without authorizer outranks $default', async () => {
    const answer = await call(`${fixedUrl}jwt`, preflight, 'OPTIONS');

    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers['access-control-allow-headers']).toBe('authorization');
  });

  it('still authorizes the actual request behind that preflight', async () => {
    expect((await call(`${fixedUrl}jwt`, { Origin: 'https://app.example' })).status).toBe(401);
  });
});
