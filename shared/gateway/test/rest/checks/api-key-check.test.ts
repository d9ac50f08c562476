import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { lambdaProxyIntegration, restApiTemplate } from '../../support/rest-template.js';
import { serveTemplate } from '../../support/serve.js';

const mock = {
  Type: 'MOCK',
  RequestTemplates: { 'application/json': '{"statusCode": 200}' },
  IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': '{"ok": true}' } }],
};

const method = (path: string, apiKeyRequired: boolean) => ({
  path,
  httpMethod: 'GET',
  integration: mock,
  methodResponses: [{ StatusCode: '200' }],
  properties: { ApiKeyRequired: apiKeyRequired },
});

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DISABLED = 'disabled-key-0123456789abcdef';
const UNPLANNED = 'unplanned-key-0123456789abcdef';

const identity =
  'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.identity) });';

const template = restApiTemplate({
  functions: { Identity: { code: identity } },
  methods: [
    method('/protected', true),
    method('/open', false),
    {
      path: '/who',
      httpMethod: 'GET',
      integration: lambdaProxyIntegration('Identity'),
      properties: { ApiKeyRequired: true },
    },
  ],
  extraResources: {
    Plan: {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: { ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: { Ref: 'ApiStageProd' } }] },
    },
    Key: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true, Value: KEY } },
    Generated: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true } },
    Disabled: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: false, Value: DISABLED } },
    Unplanned: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true, Value: UNPLANNED } },
    PlanKey: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: { KeyId: { Ref: 'Key' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
    },
    PlanGenerated: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: { KeyId: { Ref: 'Generated' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
    },
    PlanDisabled: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: { KeyId: { Ref: 'Disabled' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
    },
    Forbidden4xx: {
      Type: 'AWS::ApiGateway::GatewayResponse',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ResponseType: 'DEFAULT_4XX',
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      },
    },
  },
});

const { url, log } = await serveTemplate(template);

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await request(new URL(path, url), { headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('the API key check', () => {
  it('answers 403 Forbidden without CORS headers of its own when no x-api-key is sent', async () => {
    const response = await get('protected');
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({ message: 'Forbidden' });
    expect(response.headers['x-amzn-errortype']).toBe('ForbiddenException');
  });

  it('applies a customised DEFAULT_4XX to the invalid-key answer, so the page can read it', async () => {
    const response = await get('protected');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('lets a key that a usage plan grants on this stage through, whatever the header case', async () => {
    expect((await get('protected', { 'x-api-key': KEY })).status).toBe(200);
    expect((await get('protected', { 'X-API-Key': KEY })).status).toBe(200);
  });

  it('refuses a disabled key, a key no usage plan grants and an unknown value', async () => {
    expect((await get('protected', { 'x-api-key': DISABLED })).status).toBe(403);
    expect((await get('protected', { 'x-api-key': UNPLANNED })).status).toBe(403);
    expect((await get('protected', { 'x-api-key': `${KEY}x` })).status).toBe(403);
  });

  it('needs no key on a method without ApiKeyRequired', async () => {
    expect((await get('open')).status).toBe(200);
  });

  it('prints a stable value for a key whose template sets none, and accepts it', async () => {
    const line = log.find((l) => l.includes('Generated') && l.includes('this API key is'));
    expect(line).toBeDefined();
    const value = line!.split(' ').at(-1)!;
    expect(value).toMatch(/^[a-z0-9]{40}$/);
    expect((await get('protected', { 'x-api-key': value })).status).toBe(200);
  });

  it('logs why a key was refused', async () => {
    await get('protected', { 'x-api-key': DISABLED });
    expect(log.some((l) => l.includes('API Key not authorized') && l.includes('Disabled is disabled'))).toBe(
      true,
    );
  });

  it('tells the integration which key it accepted, in requestContext.identity', async () => {
    const response = await get('who', { 'x-api-key': KEY });
    const seen = JSON.parse(response.body);
    expect(seen.apiKey).toBe(KEY);
    expect(typeof seen.apiKeyId).toBe('string');
  });
});
