import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import type { LoadedStack } from '../../src/assembly/load-assembly.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { TrustedIssuers } from '../../src/auth/trusted-issuers.js';
import { readUserPools } from '../../src/auth/user-pools.js';
import { readLambdaFunctions } from '../../src/lambda/lambda-function.js';
import { readRestApis } from '../../src/rest/read-rest-apis.js';
import { authorizerUri, customAuthorization, restAuthorizer } from '../support/authorizer-template.js';
import { restApiTemplate, type TestMethod } from '../support/rest-template.js';

process.env.CORS_GATEWAY_KEY_DIR ??= mkdtempSync(join(tmpdir(), 'gateway-keys-'));

const MOCK = { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } };

function read(
  authorizers: Record<string, unknown>,
  method: Partial<TestMethod> = {},
  jwksFiles: Record<string, string> = {},
) {
  const template = restApiTemplate({
    methods: [{ path: '/', httpMethod: 'GET', integration: MOCK, ...method }],
    extraResources: authorizers,
    functions: { Fn: { code: 'exports.handler = async () => ({})' } },
  });
  const stack: LoadedStack = {
    stackName: 's',
    artifactId: 's',
    templateFile: 'T.json',
    template,
    assets: new Map(),
    baseDir: '.',
  };
  const resolver = new IntrinsicResolver(template, 's', localPseudoParameters({}));
  const issuers = new TrustedIssuers(readUserPools(stack, resolver), jwksFiles);
  return readRestApis(stack, resolver, readLambdaFunctions(stack, resolver), issuers);
}

const lambdaAuthorizer = (properties: Record<string, unknown> = {}) => ({
  Auth: restAuthorizer({ AuthorizerUri: authorizerUri('Fn'), ...properties }),
});

describe('reading REST API authorizers', () => {
  it('reads a TOKEN authorizer with CDK’s defaults: the Authorization header and a 300 s cache', () => {
    const [api] = read(lambdaAuthorizer({ AuthorizerResultTtlInSeconds: undefined }), {
      properties: customAuthorization('Auth'),
    });
    const authorization = api!.root.methods.get('GET')!.authorization!;

    expect(authorization.type).toBe('CUSTOM');
    expect(authorization.authorizer).toMatchObject({
      type: 'TOKEN',
      ttlSeconds: 300,
      identitySources: [{ location: 'header', name: 'Authorization' }],
    });
  });

  it('keeps a method with AuthorizationType NONE unauthorized, as CDK’s generated OPTIONS is', () => {
    const [api] = read(lambdaAuthorizer(), {
      properties: { AuthorizationType: 'NONE', ApiKeyRequired: false },
    });

    expect(api!.root.methods.get('GET')!.authorization).toBeUndefined();
  });

  it.each([
    [
      'an AuthorizerId naming no authorizer of the API',
      {},
      { AuthorizationType: 'CUSTOM', AuthorizerId: 'nope' },
      '(Method0): Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    ],
    [
      'a Lambda authorizer used as a Cognito one',
      lambdaAuthorizer(),
      { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'Auth' } },
      'AuthorizationType is COGNITO_USER_POOLS, but the authorizer Auth is a TOKEN Lambda authorizer',
    ],
    [
      'AWS_IAM, which has no IAM to check signatures against',
      {},
      { AuthorizationType: 'AWS_IAM' },
      '(Method0): AuthorizationType "AWS_IAM" is not supported by the local gateway',
    ],
    [
      'an unknown authorization type',
      {},
      { AuthorizationType: 'MAGIC' },
      'AuthorizationType must be NONE, CUSTOM, COGNITO_USER_POOLS or AWS_IAM, got "MAGIC"',
    ],
  ])('refuses %s', (_what, authorizers, properties, message) => {
    expect(() => read(authorizers, { properties })).toThrow(message);
  });

  it.each([
    [
      'a TTL above an hour',
      { AuthorizerResultTtlInSeconds: 3601 },
      '(Auth): AuthorizerResultTtlInSeconds must be an integer from 0 to 3600, got 3601',
    ],
    [
      'a TOKEN identity source that is not a header',
      { IdentitySource: 'method.request.querystring.token' },
      'a TOKEN authorizer needs one IdentitySource of the form method.request.header.<name>',
    ],
    [
      'a REQUEST authorizer caching without identity sources',
      { Type: 'REQUEST', IdentitySource: undefined },
      'a REQUEST authorizer needs at least one IdentitySource when caching is enabled',
    ],
    [
      'an identity source of no known form',
      { Type: 'REQUEST', IdentitySource: 'method.request.path.id' },
      'IdentitySource "method.request.path.id" is not method.request.header.<name>',
    ],
    [
      'a function that is not in the stack',
      {
        AuthorizerUri:
          'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:gone/invocations',
      },
      'the authorizer invokes arn:aws:lambda:us-east-1:1:function:gone, which is not a function with local code in this stack',
    ],
    [
      'an invalid validation expression',
      { IdentityValidationExpression: '(' },
      'IdentityValidationExpression "(" is not a regular expression',
    ],
    ['an unknown type', { Type: 'JWT' }, 'Type must be TOKEN, REQUEST or COGNITO_USER_POOLS, got "JWT"'],
  ])('refuses an authorizer with %s', (_what, properties, message) => {
    expect(() => read(lambdaAuthorizer(properties))).toThrow(message);
  });

  it('refuses a Cognito authorizer whose pool is neither in the stack nor given a JWKS file', () => {
    const arn = 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_abc';
    const authorizers = { Pool: restAuthorizer({ Type: 'COGNITO_USER_POOLS', ProviderARNs: [arn] }) };

    expect(() => read(authorizers)).toThrow(
      `the user pool ${arn} is not in this stack, and no JWKS file is given for its issuer https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc (cors-gateway serve --jwks https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc=<file>)`,
    );
  });

  it('accepts that pool once a JWKS file is given for its issuer', () => {
    const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc';
    const file = join(mkdtempSync(join(tmpdir(), 'jwks-')), 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [{ kty: 'RSA', n: 'sXch', e: 'AQAB', kid: 'k' }] }));
    const authorizers = {
      Pool: restAuthorizer({
        Type: 'COGNITO_USER_POOLS',
        ProviderARNs: ['arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_abc'],
      }),
    };

    const [api] = read(
      authorizers,
      { properties: { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'Pool' } } },
      { [issuer]: file },
    );

    expect(api!.root.methods.get('GET')!.authorization).toMatchObject({
      type: 'COGNITO_USER_POOLS',
      scopes: [],
    });
  });
});
