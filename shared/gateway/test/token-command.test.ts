import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/start-gateway.js';
import { restAuthorizer } from './support/authorizer-template.js';
import { lambdaProxyIntegration, restApiTemplate, writeTemplate } from './support/rest-template.js';
import { recordingLogger } from './support/serve.js';
import { isolateIssuerKey, USER_POOL_RESOURCES, userPoolOf } from './support/user-pool.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const keyDir = isolateIssuerKey();

const file = writeTemplate(
  restApiTemplate({
    functions: { Echo: { code: `exports.handler = async () => ({ statusCode: 200, body: 'ok' });` } },
    methods: [
      {
        path: '/me',
        httpMethod: 'GET',
        integration: lambdaProxyIntegration('Echo'),
        properties: { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'PoolAuthorizer' } },
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

/** Runs `cors-gateway token …` in its own process, with this file's issuer key. */
function token(...args: string[]) {
  const child = spawnSync(process.execPath, [CLI, 'token', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CORS_GATEWAY_KEY_DIR: keyDir },
  });
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    last: child.stdout.trim().split('\n').at(-1)!,
  };
}

let url: string;
beforeAll(async () => {
  const gateway = await startGateway({ source: file, port: 0, logger: recordingLogger() });
  afterAll(() => gateway.close());
  url = gateway.apis[0]!.url;
});

describe('cors-gateway token', () => {
  it('prints on its last line an ID token of the pool that a gateway in another process accepts', async () => {
    const minted = token(file, '--user-pool', 'Pool');
    const response = await request(`${url}me`, { headers: { Authorization: minted.last } });

    expect(minted.status).toBe(0);
    expect(response.statusCode).toBe(200);
    expect(decodeJwt(minted.last)).toMatchObject({
      iss: userPoolOf(file).issuer,
      aud: userPoolOf(file).clients[0]!.clientId,
      token_use: 'id',
    });
  });

  it('replaces and adds claims from --claims, and makes an access token with token_use "access"', () => {
    const minted = token(
      file,
      '--user-pool',
      'Pool',
      '--claims',
      '{"token_use":"access","scope":"orders/read","team":"blue"}',
    );
    const claims = decodeJwt(minted.last);

    expect(claims).toMatchObject({ token_use: 'access', scope: 'orders/read', team: 'blue' });
    expect(claims.client_id).toBe(userPoolOf(file).clients[0]!.clientId);
    expect(claims.aud).toBeUndefined();
  });

  it('makes an expired token on purpose, which the gateway refuses as expired', async () => {
    const minted = token(file, '--user-pool', 'Pool', '--claims', '{"exp":1}');
    const response = await request(`${url}me`, { headers: { Authorization: minted.last } });

    expect(response.statusCode).toBe(401);
    expect(await response.body.text()).toBe('{"message":"The incoming token has expired"}');
  });

  it('exits 2 naming the pools there are when the logical ID is not one of them', () => {
    const minted = token(file, '--user-pool', 'Nope');

    expect(minted.status).toBe(2);
    expect(minted.stderr).toContain('no user pool "Nope" in the assembly; it has Pool (Test)');
    expect(minted.stdout).toBe('');
  });

  it('exits 2 without --user-pool, with bad --claims, or without an assembly', () => {
    expect(token(file).status).toBe(2);
    expect(token(file, '--user-pool', 'Pool', '--claims', '[1]').stderr).toContain(
      '--claims must be a JSON object',
    );
    const missing = token('/nonexistent/cdk.out', '--user-pool', 'Pool');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/cdk.out');
  });
});
