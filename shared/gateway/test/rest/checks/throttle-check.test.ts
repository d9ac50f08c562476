import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { restApiTemplate } from '../../support/rest-template.js';
import { serveTemplate } from '../../support/serve.js';

const mock = {
  Type: 'MOCK',
  RequestTemplates: { 'application/json': '{"statusCode": 200}' },
  IntegrationResponses: [{ StatusCode: '200' }],
};

const method = (path: string, apiKeyRequired = false) => ({
  path,
  httpMethod: 'GET',
  integration: mock,
  methodResponses: [{ StatusCode: '200' }],
  properties: { ApiKeyRequired: apiKeyRequired },
});

const KEY = 'throttle-key-0123456789abcdef';
const QUOTA_KEY = 'quota-key-0123456789abcdefgh';

const template = restApiTemplate({
  methods: [method('/slow'), method('/free'), method('/planned', true)],
  extraResources: {
    ApiStageProd: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: {
        RestApiId: { Ref: 'Api' },
        DeploymentId: { Ref: 'ApiDeployment' },
        StageName: 'prod',
        MethodSettings: [
          { ResourcePath: '/~1slow', HttpMethod: 'GET', ThrottlingRateLimit: 0.001, ThrottlingBurstLimit: 2 },
        ],
      },
    },
    Plan: {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 'prod' }],
        Throttle: { RateLimit: 0.001, BurstLimit: 1 },
      },
    },
    QuotaPlan: {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 'prod' }],
        Quota: { Limit: 2, Period: 'DAY' },
      },
    },
    Key: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true, Value: KEY } },
    QuotaKey: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Enabled: true, Value: QUOTA_KEY } },
    PlanKey: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: { KeyId: { Ref: 'Key' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
    },
    QuotaPlanKey: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: { KeyId: { Ref: 'QuotaKey' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'QuotaPlan' } },
    },
  },
});

const { url } = await serveTemplate(template);

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await request(new URL(path, url), { headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('throttling', () => {
  it('lets a method burst to its stage method setting, then answers 429 Too Many Requests', async () => {
    expect((await get('slow')).status).toBe(200);
    expect((await get('slow')).status).toBe(200);
    const throttled = await get('slow');
    expect(throttled.status).toBe(429);
    expect(JSON.parse(throttled.body)).toEqual({ message: 'Too Many Requests' });
    expect(throttled.headers['x-amzn-errortype']).toBe('TooManyRequestsException');
  });

  it('leaves a method without a throttle setting alone', async () => {
    for (let i = 0; i < 5; i++) expect((await get('free')).status).toBe(200);
  });

  it("throttles a key by its usage plan's limits", async () => {
    expect((await get('planned', { 'x-api-key': KEY })).status).toBe(200);
    expect((await get('planned', { 'x-api-key': KEY })).status).toBe(429);
  });

  it('answers 429 Limit Exceeded once a key has used up its quota', async () => {
    expect((await get('planned', { 'x-api-key': QUOTA_KEY })).status).toBe(200);
    expect((await get('planned', { 'x-api-key': QUOTA_KEY })).status).toBe(200);
    const exceeded = await get('planned', { 'x-api-key': QUOTA_KEY });
    expect(exceeded.status).toBe(429);
    expect(JSON.parse(exceeded.body)).toEqual({ message: 'Limit Exceeded' });
    expect(exceeded.headers['x-amzn-errortype']).toBe('LimitExceededException');
  });
});
