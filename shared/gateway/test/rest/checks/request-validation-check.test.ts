import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { lambdaProxyIntegration, restApiTemplate } from '../../support/rest-template.js';
import { serveTemplate } from '../../support/serve.js';

const echo = 'exports.handler = async (event) => ({ statusCode: 200, body: event.body ?? "" });';

const mock = {
  Type: 'MOCK',
  RequestTemplates: { 'application/json': '{"statusCode": 200}', 'text/plain': '{"statusCode": 200}' },
  IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': '{"data": "ok"}' } }],
};

const template = restApiTemplate({
  functions: { Echo: { code: echo } },
  methods: [
    {
      path: '/nested/{test}',
      httpMethod: 'POST',
      integration: lambdaProxyIntegration('Echo'),
      properties: {
        RequestValidatorId: { Ref: 'Validator' },
        RequestParameters: {
          'method.request.path.issuer': true,
          'method.request.querystring.qs1': true,
          'method.request.header.x-header-param': true,
          'method.request.querystring.optional': false,
        },
        RequestModels: { 'application/json': { Ref: 'TestSchema' } },
      },
    },
    {
      path: '/nested/{test}',
      httpMethod: 'GET',
      integration: lambdaProxyIntegration('Echo'),
      properties: {
        RequestValidatorId: { Ref: 'Validator' },
        RequestParameters: {
          'method.request.path.test': true,
          'method.request.querystring.qs1': true,
          'method.request.header.x-header-param': true,
        },
        RequestModels: { 'application/json': { Ref: 'TestSchema' } },
      },
    },
    {
      path: '/list',
      httpMethod: 'POST',
      integration: mock,
      methodResponses: [{ StatusCode: '200' }],
      properties: {
        RequestValidatorId: { Ref: 'BodyOnly' },
        RequestModels: { 'application/json': 'ListSchema' },
        RequestParameters: { 'method.request.querystring.ignored': true },
      },
    },
    {
      path: '/unvalidated',
      httpMethod: 'POST',
      integration: mock,
      methodResponses: [{ StatusCode: '200' }],
      properties: { RequestModels: { 'application/json': 'ListSchema' } },
    },
  ],
  extraResources: {
    Validator: {
      Type: 'AWS::ApiGateway::RequestValidator',
      Properties: { RestApiId: { Ref: 'Api' }, ValidateRequestBody: true, ValidateRequestParameters: true },
    },
    BodyOnly: {
      Type: 'AWS::ApiGateway::RequestValidator',
      Properties: { RestApiId: { Ref: 'Api' }, ValidateRequestBody: true, ValidateRequestParameters: false },
    },
    TestSchema: {
      Type: 'AWS::ApiGateway::Model',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ContentType: 'application/json',
        Name: 'testSchema',
        Schema: {
          $schema: 'http://json-schema.org/draft-04/schema#',
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number' } },
          required: ['a', 'b'],
        },
      },
    },
    ListSchema: {
      Type: 'AWS::ApiGateway::Model',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ContentType: 'application/json',
        Name: 'ListSchema',
        Schema: {
          type: 'array',
          items: {
            $ref: {
              'Fn::Join': [
                '',
                ['https://apigateway.amazonaws.com/restapis/', { Ref: 'Api' }, '/models/testSchema'],
              ],
            },
          },
        },
      },
    },
  },
});

const { url } = await serveTemplate(template);

async function send(path: string, options: Parameters<typeof request>[1] = {}) {
  const response = await request(new URL(path, url), options);
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

const valid = {
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', 'x-header-param': 'test' },
  body: '{"a":1,"b":2}',
};

describe('request validation', () => {
  it('lists every missing required parameter, sorted by its method.request key, as AWS recorded', async () => {
    const response = await send('nested/value', { method: 'POST', body: '{"test":"test"}' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      message: 'Missing required request parameters: [x-header-param, issuer, qs1]',
    });
    expect(response.headers['x-amzn-errortype']).toBe('BadRequestException');
  });

  it('names only the missing header when the query string is there', async () => {
    const response = await send('nested/value?qs1=test', { method: 'GET' });
    expect(JSON.parse(response.body)).toEqual({
      message: 'Missing required request parameters: [x-header-param]',
    });
  });

  it('checks parameters before the body and then answers Invalid request body for a body off its model', async () => {
    const response = await send('nested/value?qs1=test', {
      method: 'GET',
      headers: { 'x-header-param': 'test' },
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ message: 'Invalid request body' });
  });

  it('lets a request with every parameter and a body matching the model through to the integration', async () => {
    const response = await send('nested/value?qs1=test', { ...valid, method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"a":1,"b":2}');
  });

  it('finds the header whatever its case', async () => {
    const response = await send('nested/value?qs1=test', {
      ...valid,
      method: 'GET',
      headers: { 'content-type': 'application/json', 'X-HEADER-PARAM': 'x' },
    });
    expect(response.status).toBe(200);
  });

  it('validates a body sent without Content-Type against the application/json model', async () => {
    const response = await send('list', { method: 'POST', body: '[{"a":1}]' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ message: 'Invalid request body' });
  });

  it('follows a $ref to another model of the same API', async () => {
    const ok = await send('list', { method: 'POST', body: '[{"a":1,"b":2},{"a":3,"b":4}]' });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('{"data": "ok"}');
    const bad = await send('list', { method: 'POST', body: '[{"a":"one","b":2}]' });
    expect(bad.status).toBe(400);
  });

  it('ignores required parameters when the validator validates only the body', async () => {
    const response = await send('list', { method: 'POST', body: '[]' });
    expect(response.status).toBe(200);
  });

  it('treats an empty or non-JSON body as invalid', async () => {
    expect((await send('list', { method: 'POST' })).status).toBe(400);
    expect((await send('list', { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('does not validate a method without a request validator, even with request models', async () => {
    const response = await send('unvalidated', { method: 'POST', body: 'not json' });
    expect(response.status).toBe(200);
  });

  it('skips the body check for a content type with no model and no $default model', async () => {
    const response = await send('list', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(response.status).toBe(200);
  });
});
