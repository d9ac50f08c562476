import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import {
  AUTHORIZER_CODE,
  authorizerUri,
  customAuthorization,
  restAuthorizer,
} from '../support/authorizer-template.js';
import { lambdaProxyIntegration, restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

const MOCK_WITH_AUTHORIZER_CONTEXT = {
  Type: 'MOCK',
  RequestTemplates: { 'application/json': '{"statusCode": 200}' },
  IntegrationResponses: [
    {
      StatusCode: '200',
      ResponseTemplates: {
        'application/json':
          '{"principal":"$context.authorizer.principalId","role":"$context.authorizer.role","level":"$context.authorizer.level"}',
      },
    },
  ],
};

const template = restApiTemplate({
  functions: {
    Auth: { code: AUTHORIZER_CODE, timeout: 1 },
    Echo: { code: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });` },
  },
  methods: [
    {
      path: '/items',
      httpMethod: 'GET',
      integration: lambdaProxyIntegration('Echo'),
      properties: customAuthorization('TokenAuthorizer'),
    },
    {
      path: '/items',
      httpMethod: 'POST',
      integration: lambdaProxyIntegration('Echo'),
      properties: customAuthorization('TokenAuthorizer'),
    },
    {
      path: '/cached',
      httpMethod: 'GET',
      integration: lambdaProxyIntegration('Echo'),
      properties: customAuthorization('CachedAuthorizer'),
    },
    {
      path: '/cached',
      httpMethod: 'POST',
      integration: lambdaProxyIntegration('Echo'),
      properties: customAuthorization('CachedAuthorizer'),
    },
    {
      path: '/strict',
      httpMethod: 'GET',
      integration: lambdaProxyIntegration('Echo'),
      properties: customAuthorization('StrictAuthorizer'),
    },
    {
      path: '/request',
      httpMethod: 'GET',
      integration: lambdaProxyIntegration('Echo'),
      properties: customAuthorization('RequestAuthorizer'),
    },
    {
      path: '/mock',
      httpMethod: 'GET',
      integration: MOCK_WITH_AUTHORIZER_CONTEXT,
      methodResponses: [{ StatusCode: '200' }],
      properties: customAuthorization('TokenAuthorizer'),
    },
  ],
  extraResources: {
    TokenAuthorizer: restAuthorizer({
      AuthorizerUri: authorizerUri('Auth'),
      AuthorizerResultTtlInSeconds: 0,
    }),
    CachedAuthorizer: restAuthorizer({ AuthorizerUri: authorizerUri('Auth') }),
    StrictAuthorizer: restAuthorizer({
      AuthorizerUri: authorizerUri('Auth'),
      AuthorizerResultTtlInSeconds: 0,
      IdentityValidationExpression: 'allow|deny',
    }),
    RequestAuthorizer: restAuthorizer({
      Type: 'REQUEST',
      AuthorizerUri: authorizerUri('Auth'),
      IdentitySource: 'method.request.header.X-Token,method.request.querystring.q',
      AuthorizerResultTtlInSeconds: 0,
    }),
    Unauthorized: {
      Type: 'AWS::ApiGateway::GatewayResponse',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ResponseType: 'UNAUTHORIZED',
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      },
    },
  },
});

async function call(url: string, headers: Record<string, string> = {}, method: 'GET' | 'POST' = 'GET') {
  const response = await request(url, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('a REST API method with a TOKEN Lambda authorizer', () => {
  let url: string;
  let log: string[];
  beforeAll(async () => {
    ({ url, log } = await serveTemplate(template));
  });

  it('answers 401 Unauthorized without calling the function when the Authorization header is missing', async () => {
    const answer = await call(`${url}items`);

    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers['x-amzn-errortype']).toBe('UnauthorizedException');
  });

  it('lets the request through when the policy allows the method ARN, with principalId and context in requestContext.authorizer', async () => {
    const answer = await call(`${url}items`, { Authorization: 'allow' });
    const event = JSON.parse(answer.body);

    expect(answer.status).toBe(200);
    expect(event.requestContext.authorizer).toEqual({
      calls: expect.any(String),
      role: 'reader',
      admin: 'false',
      level: '7',
      principalId: 'user-allow',
      integrationLatency: expect.any(Number),
    });
  });

  it('answers 403 with the explicit-deny message when a statement denies the method', async () => {
    const answer = await call(`${url}items`, { Authorization: 'deny' });

    expect(answer.status).toBe(403);
    expect(answer.body).toBe(
      '{"Message":"User is not authorized to access this resource with an explicit deny"}',
    );
    expect(answer.headers['content-length']).toBe('82');
    expect(answer.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  });

  it('answers 403 with the implicit-deny message when no statement allows the method', async () => {
    const answer = await call(`${url}items`, { Authorization: 'post-only' });

    expect(answer.status).toBe(403);
    expect(answer.body).toBe('{"Message":"User is not authorized to access this resource"}');
  });

  it('matches the policy resource with wildcards against the method ARN', async () => {
    expect((await call(`${url}items`, { Authorization: 'post-only' }, 'POST')).status).toBe(200);
    expect((await call(`${url}items`, { Authorization: 'allow-all' })).status).toBe(200);
  });

  it('answers 401 when the function throws Unauthorized, with the customised UNAUTHORIZED gateway response', async () => {
    const answer = await call(`${url}items`, { Authorization: 'unauthorized' });

    expect(answer.status).toBe(401);
    expect(answer.body).toBe('{"message":"Unauthorized"}');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('keeps the UNAUTHORIZED customisation off the 403 of ACCESS_DENIED', async () => {
    const answer = await call(`${url}items`, { Authorization: 'deny' });

    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 500 {"message": null} AuthorizerConfigurationException when the function throws anything else', async () => {
    const answer = await call(`${url}items`, { Authorization: 'boom' });

    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": null}');
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerConfigurationException');
    expect(log.some((line) => line.includes('Authorizer error') && line.includes('boom'))).toBe(true);
  });

  it('answers 500 AuthorizerConfigurationException when the function returns no policy', async () => {
    const answer = await call(`${url}items`, { Authorization: 'malformed' });

    expect(answer.status).toBe(500);
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerConfigurationException');
    expect(log.some((line) => line.includes('Could not parse policy'))).toBe(true);
  });

  it('answers 500 AuthorizerConfigurationException when the context holds an object', async () => {
    const answer = await call(`${url}items`, { Authorization: 'nested' });

    expect(answer.status).toBe(500);
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerConfigurationException');
  });

  it('answers 500 AuthorizerFailureException when the function runs past its timeout, and keeps serving', async () => {
    const answer = await call(`${url}items`, { Authorization: 'hang' });

    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": null}');
    expect(answer.headers['x-amzn-errortype']).toBe('AuthorizerFailureException');
    expect((await call(`${url}items`, { Authorization: 'allow' })).status).toBe(200);
  });

  it('gives $context.authorizer to a mapping template, every context value as a string', async () => {
    const answer = await call(`${url}mock`, { Authorization: 'allow' });

    expect(answer.body).toBe('{"principal":"user-allow","role":"reader","level":"7"}');
  });

  it('sends the function the TOKEN event: type, authorizationToken and the method ARN of the request', async () => {
    const answer = await call(`${url}items?x=1`, { Authorization: 'echo' });
    const { requestContext } = JSON.parse(answer.body);

    expect(JSON.parse(requestContext.authorizer.event)).toEqual({
      type: 'TOKEN',
      authorizationToken: 'echo',
      methodArn: `arn:aws:execute-api:${localPseudoParameters().region}:123456789012:${requestContext.apiId}/prod/GET/items`,
    });
  });
});

describe('a TOKEN authorizer with an IdentityValidationExpression', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveTemplate(template));
  });

  it('answers 401 without calling the function when the token does not match the expression in full', async () => {
    expect((await call(`${url}strict`, { Authorization: 'allowed' })).status).toBe(401);
    expect((await call(`${url}strict`, { Authorization: 'post-only' })).status).toBe(401);
  });

  it('calls the function when the token matches', async () => {
    expect((await call(`${url}strict`, { Authorization: 'allow' })).status).toBe(200);
    expect((await call(`${url}strict`, { Authorization: 'deny' })).status).toBe(403);
  });
});

describe('authorizer result caching (AuthorizerResultTtlInSeconds)', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveTemplate(template));
  });

  const callsOf = (body: string): string => JSON.parse(body).requestContext.authorizer.calls;

  it('reuses the answer for the same token within the TTL (default 300 s) instead of calling the function', async () => {
    const first = await call(`${url}cached`, { Authorization: 'allow-all' });
    const second = await call(`${url}cached`, { Authorization: 'allow-all' });

    expect(callsOf(second.body)).toBe(callsOf(first.body));
    expect(JSON.parse(second.body).requestContext.authorizer.integrationLatency).toBe(0);
  });

  it("evaluates a cached policy against each method's ARN, so a policy naming one method denies the next", async () => {
    expect((await call(`${url}cached`, { Authorization: 'post-only' }, 'POST')).status).toBe(200);
    expect((await call(`${url}cached`, { Authorization: 'post-only' })).status).toBe(403);
  });

  it('calls the function on every request when the TTL is 0', async () => {
    const first = await call(`${url}items`, { Authorization: 'allow' });
    const second = await call(`${url}items`, { Authorization: 'allow' });

    expect(Number(callsOf(second.body))).toBeGreaterThan(Number(callsOf(first.body)));
  });
});

describe('a REQUEST Lambda authorizer', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await serveTemplate(template));
  });

  it('answers 401 without calling the function when one identity source is missing', async () => {
    expect((await call(`${url}request`, { 'X-Token': 'allow' })).status).toBe(401);
    expect((await call(`${url}request?q=1`)).status).toBe(401);
  });

  it('answers 401 when an identity source is empty', async () => {
    expect((await call(`${url}request?q=`, { 'X-Token': 'allow' })).status).toBe(401);
  });

  it('sends the function the request: type, methodArn, then the proxy event without its body', async () => {
    const answer = await call(`${url}request?q=1`, { 'X-Token': 'echo' });
    const event = JSON.parse(JSON.parse(answer.body).requestContext.authorizer.event);

    expect(Object.keys(event)).toEqual([
      'type',
      'methodArn',
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
    ]);
    expect(event).toMatchObject({
      type: 'REQUEST',
      resource: '/request',
      path: '/request',
      httpMethod: 'GET',
      headers: { 'X-Token': 'echo' },
      queryStringParameters: { q: '1' },
    });
    expect(event.methodArn).toMatch(/\/prod\/GET\/request$/);
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('sends the request to the function and lets it through when its policy allows', async () => {
    const answer = await call(`${url}request?q=1`, { 'X-Token': 'allow' });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).requestContext.authorizer.principalId).toBe('user-allow');
  });
});
