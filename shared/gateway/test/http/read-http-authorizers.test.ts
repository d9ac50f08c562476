import { describe, expect, it } from 'vitest';
import { authorizerUri } from '../support/authorizer-template.js';
import { isolateIssuerKey, USER_POOL_RESOURCES } from '../support/user-pool.js';
import { httpApiTemplate } from './fixtures/http-template.js';
import { readTemplate } from './fixtures/serve-http-api.js';

isolateIssuerKey();

function read(authorizer: Record<string, unknown>, route: Record<string, unknown> = {}) {
  return readTemplate(
    httpApiTemplate({
      functions: { Fn: { code: 'exports.handler = async () => ({})' } },
      routes: [{ routeKey: 'GET /', functionId: 'Fn', properties: route }],
      extraResources: {
        ...USER_POOL_RESOURCES,
        Authorizer: {
          Type: 'AWS::ApiGatewayV2::Authorizer',
          Properties: { ApiId: { Ref: 'Api' }, Name: 'A', ...authorizer },
        },
      },
    }),
  );
}

const POOL_ISSUER = {
  'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'Pool' }]],
};
const JWT = {
  AuthorizerType: 'JWT',
  IdentitySource: ['$request.header.Authorization'],
  JwtConfiguration: { Audience: [{ Ref: 'PoolClient' }], Issuer: POOL_ISSUER },
};
const LAMBDA = {
  AuthorizerType: 'REQUEST',
  AuthorizerUri: authorizerUri('Fn'),
  AuthorizerPayloadFormatVersion: '2.0',
  IdentitySource: ['$request.header.Authorization'],
};

describe('reading HTTP API authorizers', () => {
  it('reads a JWT authorizer whose issuer is a user pool of the stack, with its audiences', () => {
    const [api] = read(JWT, {
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: 'Authorizer' },
      AuthorizationScopes: ['a'],
    });

    expect(api!.routes[0]!.authorization).toMatchObject({
      type: 'JWT',
      scopes: ['a'],
      authorizer: {
        kind: 'jwt',
        audiences: [expect.any(String)],
        identitySource: { location: 'header', name: 'Authorization' },
      },
    });
  });

  it('reads a Lambda authorizer with no cache unless AuthorizerResultTtlInSeconds says otherwise', () => {
    const [api] = read(LAMBDA, { AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Authorizer' } });

    expect(api!.routes[0]!.authorization).toMatchObject({
      type: 'CUSTOM',
      authorizer: { kind: 'lambda', payloadFormatVersion: '2.0', simpleResponses: false, ttlSeconds: 0 },
    });
  });

  it.each([
    [
      'a JWT issuer the gateway has no keys for',
      { ...JWT, JwtConfiguration: { Issuer: 'https://login.example.com/' } },
      'the JWT issuer https://login.example.com/ is not a user pool of this stack, and no JWKS file is given for it (cors-gateway serve --jwks https://login.example.com/=<file>)',
    ],
    [
      'a JWT authorizer reading a stage variable',
      { ...JWT, IdentitySource: ['$stageVariables.token'] },
      'a JWT authorizer needs one IdentitySource',
    ],
    [
      'simple responses with payload 1.0',
      { ...LAMBDA, AuthorizerPayloadFormatVersion: '1.0', EnableSimpleResponses: true },
      'EnableSimpleResponses needs AuthorizerPayloadFormatVersion "2.0"',
    ],
    [
      'a missing payload format version',
      { ...LAMBDA, AuthorizerPayloadFormatVersion: undefined },
      'a REQUEST authorizer needs AuthorizerPayloadFormatVersion "1.0" or "2.0", got undefined',
    ],
    [
      'caching without identity sources',
      { ...LAMBDA, IdentitySource: undefined, AuthorizerResultTtlInSeconds: 60 },
      'needs at least one IdentitySource when caching is enabled',
    ],
    [
      'an identity source of a REST API',
      { ...LAMBDA, IdentitySource: ['method.request.header.Authorization'] },
      'IdentitySource "method.request.header.Authorization" is not $request.header.<name>',
    ],
    ['an unknown type', { AuthorizerType: 'TOKEN' }, 'AuthorizerType must be JWT or REQUEST, got "TOKEN"'],
  ])('refuses %s', (_what, authorizer, message) => {
    expect(() => read(authorizer)).toThrow(message);
  });

  it.each([
    [
      'AWS_IAM',
      { AuthorizationType: 'AWS_IAM' },
      '(Route0): AuthorizationType "AWS_IAM" is not supported by the local gateway',
    ],
    [
      'a JWT route on a Lambda authorizer',
      { AuthorizationType: 'JWT', AuthorizerId: { Ref: 'Authorizer' } },
      'AuthorizationType is JWT, but the authorizer Authorizer is a Lambda authorizer',
    ],
    [
      'an unknown authorizer',
      { AuthorizationType: 'CUSTOM', AuthorizerId: 'nope' },
      'AuthorizationType CUSTOM needs an AuthorizerId of an authorizer of this API, got "nope"',
    ],
  ])('refuses a route with %s', (_what, route, message) => {
    expect(() => read(LAMBDA, route)).toThrow(message);
  });
});
