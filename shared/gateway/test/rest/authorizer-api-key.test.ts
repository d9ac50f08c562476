import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { authorizerUri, customAuthorization, restAuthorizer } from '../support/authorizer-template.js';
import { restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789';

const template = restApiTemplate({
  functions: {
    Auth: {
      code: `exports.handler = async (event) => ({
        principalId: 'ada',
        policyDocument: { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }] },
        ...(event.authorizationToken === 'keyed' ? { usageIdentifierKey: '${KEY}' } : {}),
      });`,
    },
  },
  methods: [
    {
      path: '/metered',
      httpMethod: 'GET',
      integration: {
        Type: 'MOCK',
        RequestTemplates: { 'application/json': '{"statusCode": 200}' },
        IntegrationResponses: [{ StatusCode: '200' }],
      },
      methodResponses: [{ StatusCode: '200' }],
      properties: { ...customAuthorization('Authorizer'), ApiKeyRequired: true },
    },
  ],
  extraResources: {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Api', ApiKeySourceType: 'AUTHORIZER' } },
    Authorizer: restAuthorizer({ AuthorizerUri: authorizerUri('Auth'), AuthorizerResultTtlInSeconds: 0 }),
    Plan: {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: { ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: { Ref: 'ApiStageProd' } }] },
    },
    Key: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true, Value: KEY } },
    PlanKey: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: { KeyId: { Ref: 'Key' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
    },
  },
});

const { url } = await serveTemplate(template);

describe('an API whose key source is AUTHORIZER', () => {
  it("takes the API key from the Lambda authorizer's usageIdentifierKey", async () => {
    expect((await request(`${url}metered`, { headers: { Authorization: 'keyed' } })).statusCode).toBe(200);
  });

  it('answers 403 Forbidden when the authorizer returns no key, even with an x-api-key header', async () => {
    const response = await request(`${url}metered`, {
      headers: { Authorization: 'keyless', 'x-api-key': KEY },
    });

    expect(response.statusCode).toBe(403);
    expect(await response.body.text()).toBe('{"message":"Forbidden"}');
  });
});
