/**
 * The REST API the Lambda authorizer tests serve: methods behind a TOKEN authorizer (with a TTL of 0, with
 * the default TTL, with an `IdentityValidationExpression`) and behind a REQUEST authorizer, all run by
 * `AUTHORIZER_CODE`; and how the tests call it.
 *
 * @module
 */
import { request } from 'undici';
import {
  AUTHORIZER_CODE,
  authorizerUri,
  customAuthorization,
  restAuthorizer,
} from './authorizer-template.js';
import { lambdaProxyIntegration, restApiTemplate } from './rest-template.js';

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

/** The API, with a customised UNAUTHORIZED gateway response that adds `Access-Control-Allow-Origin: *`. */
export const lambdaAuthorizerApi = restApiTemplate({
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

/** Sends one request and reads the whole answer. */
export async function call(
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'POST' = 'GET',
) {
  const response = await request(url, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}
