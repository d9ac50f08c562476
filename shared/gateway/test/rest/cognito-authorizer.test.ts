import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSigningKey, signLocalToken } from '../../src/auth/local-issuer.js';
import { mintUserPoolToken } from '../../src/auth/mint-token.js';
import type { UserPoolDefinition } from '../../src/auth/user-pools.js';
import { restClaims } from '../../src/rest/stages/authorize-cognito.js';
import { startGateway } from '../../src/start-gateway.js';
import { restAuthorizer } from '../support/authorizer-template.js';
import { lambdaProxyIntegration, restApiTemplate, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';
import { isolateIssuerKey, USER_POOL_RESOURCES, userPoolOf } from '../support/user-pool.js';

isolateIssuerKey();

const cognito = (scopes?: string[]) => ({
  AuthorizationType: 'COGNITO_USER_POOLS',
  AuthorizerId: { Ref: 'PoolAuthorizer' },
  ...(scopes ? { AuthorizationScopes: scopes } : {}),
});

const file = writeTemplate(
  restApiTemplate({
    functions: {
      Echo: {
        code: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });`,
      },
    },
    methods: [
      { path: '/me', httpMethod: 'GET', integration: lambdaProxyIntegration('Echo'), properties: cognito() },
      {
        path: '/orders',
        httpMethod: 'GET',
        integration: lambdaProxyIntegration('Echo'),
        properties: cognito(['orders/read']),
      },
      {
        path: '/mock',
        httpMethod: 'GET',
        integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': '{"statusCode": 200}' },
          IntegrationResponses: [
            {
              StatusCode: '200',
              ResponseTemplates: {
                'application/json': '{"user":"$context.authorizer.claims[\'cognito:username\']"}',
              },
            },
          ],
        },
        methodResponses: [{ StatusCode: '200' }],
        properties: cognito(),
      },
    ],
    extraResources: {
      ...USER_POOL_RESOURCES,
      PoolAuthorizer: restAuthorizer({
        Type: 'COGNITO_USER_POOLS',
        ProviderARNs: [{ 'Fn::GetAtt': ['Pool', 'Arn'] }],
      }),
    },
  }),
);

async function call(path: string, authorization?: string) {
  const response = await request(`${url}${path}`, {
    headers: authorization ? { Authorization: authorization } : {},
  });
  return { status: response.statusCode, body: await response.body.text() };
}

let url: string;
let pool: UserPoolDefinition;
beforeAll(async () => {
  const gateway = await startGateway({ source: file, port: 0, logger: recordingLogger() });
  afterAll(() => gateway.close());
  url = gateway.apis[0]!.url;
  pool = userPoolOf(file);
});

describe('a REST API method with a Cognito user pool authorizer', () => {
  it('lets an ID token of the pool through, bare or after Bearer, with its claims in requestContext.authorizer', async () => {
    const token = await mintUserPoolToken(pool);
    const bare = await call('me', token);
    const bearer = await call('me', `Bearer ${token}`);

    expect([bare.status, bearer.status]).toEqual([200, 200]);
    const { claims } = JSON.parse(bare.body).requestContext.authorizer;
    expect(claims).toMatchObject({
      iss: pool.issuer,
      aud: pool.clients[0]!.clientId,
      token_use: 'id',
      'cognito:username': 'local-user',
    });
    expect(claims.exp).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    expect(claims.auth_time).toMatch(/^\d+$/);
  });

  it('gives the claims to mapping templates as $context.authorizer.claims', async () => {
    expect((await call('mock', await mintUserPoolToken(pool))).body).toBe('{"user":"local-user"}');
  });

  it('answers 401 Unauthorized without a token, or with one that is not a JWT', async () => {
    expect(await call('me')).toEqual({ status: 401, body: '{"message":"Unauthorized"}' });
    expect(await call('me', 'not-a-token')).toEqual({ status: 401, body: '{"message":"Unauthorized"}' });
  });

  it('answers 401 "The incoming token has expired" for an expired token', async () => {
    const token = await mintUserPoolToken(pool, { exp: Math.floor(Date.now() / 1000) - 10 });

    expect(await call('me', token)).toEqual({
      status: 401,
      body: '{"message":"The incoming token has expired"}',
    });
  });

  it('answers 401 for a token of another issuer, or one whose signature does not verify', async () => {
    const foreign = await mintUserPoolToken({
      ...pool,
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/other',
    });
    const [header, payload] = (await mintUserPoolToken(pool)).split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;

    expect((await call('me', foreign)).status).toBe(401);
    expect((await call('me', forged)).status).toBe(401);
  });

  it('wants an ID token where the method has no scopes, and an access token holding one where it has', async () => {
    const id = await mintUserPoolToken(pool);
    const access = (scope: string) => mintUserPoolToken(pool, { token_use: 'access', scope });

    expect((await call('me', await access('orders/read'))).status).toBe(401);
    expect((await call('orders', id)).status).toBe(401);
    expect((await call('orders', await access('profile'))).status).toBe(401);
    expect((await call('orders', await access('profile orders/read'))).status).toBe(200);
  });

  it('answers 401 for a token signed by another key, even with the right claims', async () => {
    const otherKey = localSigningKey(isolateIssuerKeyCopy());
    const token = await signLocalToken(otherKey, {
      iss: pool.issuer,
      token_use: 'id',
      exp: Date.now() / 1000 + 60,
    });

    expect((await call('me', token)).status).toBe(401);
  });
});

describe('restClaims', () => {
  it('renders every claim as a string, exp and iat as Java prints a date', () => {
    expect(
      restClaims({ exp: 1781499381, iat: 0, email_verified: true, 'cognito:groups': ['a', 'b'] }),
    ).toEqual({
      exp: 'Mon Jun 15 04:56:21 UTC 2026',
      iat: 'Thu Jan 01 00:00:00 UTC 1970',
      email_verified: 'true',
      'cognito:groups': 'a,b',
    });
  });
});

/** A second key folder, for a key the gateway does not trust. */
function isolateIssuerKeyCopy(): string {
  const current = process.env.CORS_GATEWAY_KEY_DIR;
  const dir = isolateIssuerKey();
  process.env.CORS_GATEWAY_KEY_DIR = current;
  return dir;
}
