import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway-options.js';
import { startGateway } from '../../src/start-gateway.js';
import { startEchoBackend } from '../support/echo-backend.js';
import { restApiTemplate, type TestMethod, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const backend = await startEchoBackend();

function methods(origin: string): TestMethod[] {
  return [
    {
      path: '/proxy/{proxy+}',
      httpMethod: 'ANY',
      integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'ANY',
        Uri: `${origin}/{proxy}?fixed=1`,
        RequestParameters: {
          'integration.request.path.proxy': 'method.request.path.proxy',
          'integration.request.header.X-Mapped': 'method.request.header.x-client',
        },
      },
    },
    {
      path: '/custom',
      httpMethod: 'POST',
      integration: {
        Type: 'HTTP',
        IntegrationHttpMethod: 'POST',
        Uri: `${origin}/status/400`,
        RequestTemplates: { 'application/json': '{"wrapped": $input.json(\'$\')}' },
        IntegrationResponses: [
          {
            StatusCode: '200',
            ResponseTemplates: { 'application/json': '{"backend": $input.json(\'$.method\')}' },
          },
        ],
      },
      methodResponses: [{ StatusCode: '200' }],
    },
    {
      path: '/selected',
      httpMethod: 'GET',
      integration: {
        Type: 'HTTP',
        IntegrationHttpMethod: 'GET',
        Uri: `${origin}/status/404`,
        IntegrationResponses: [
          { StatusCode: '200' },
          {
            StatusCode: '404',
            SelectionPattern: '4\\d{2}',
            ResponseParameters: {
              'method.response.header.X-Backend': 'integration.response.header.X-Backend',
            },
          },
        ],
      },
      methodResponses: [
        { StatusCode: '200' },
        { StatusCode: '404', ResponseParameters: { 'method.response.header.X-Backend': true } },
      ],
    },
    {
      path: '/slow',
      httpMethod: 'GET',
      integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'GET',
        Uri: `${origin}/slow`,
        TimeoutInMillis: 300,
      },
    },
    {
      path: '/closed',
      httpMethod: 'GET',
      integration: { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'GET', Uri: 'http://127.0.0.1:1/' },
    },
    {
      path: '/by-stage-variable',
      httpMethod: 'GET',
      integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'GET',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own ${stageVariables.x} syntax
        Uri: 'http://${stageVariables.backend}/v',
      },
    },
    {
      path: '/undefined-variable',
      httpMethod: 'GET',
      integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'GET',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own ${stageVariables.x} syntax
        Uri: 'http://${stageVariables.nope}/v',
      },
    },
    {
      path: '/public',
      httpMethod: 'GET',
      integration: { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'GET', Uri: 'https://api.example.com/items' },
    },
  ];
}

function withStageVariables(template: Record<string, unknown>, variables: Record<string, string>) {
  const resources = template.Resources as Record<string, { Properties: Record<string, unknown> }>;
  resources.ApiStageProd!.Properties.Variables = variables;
  return template;
}

describe('REST HTTP and HTTP_PROXY integrations', () => {
  let gateway: RunningGateway;
  let url: string;
  const logger = recordingLogger();
  beforeAll(async () => {
    const template = withStageVariables(restApiTemplate({ methods: methods(backend.origin) }), {
      backend: `127.0.0.1:${backend.port}`,
    });
    gateway = await startGateway({
      source: writeTemplate(template),
      port: 0,
      logger,
      httpEndpoints: { 'https://api.example.com': backend.origin },
    });
    url = gateway.apis[0]!.url;
  });
  afterAll(() => gateway.close());

  it('proxies the request with its path, query, headers and body, and the answer as the backend gave it', async () => {
    const response = await request(`${url}proxy/a/b%20c?x=1&x=2`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'x-client': 'mapped', accept: 'application/xml' },
      body: 'hello',
    });
    const echoed = (await response.body.json()) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(response.statusCode).toBe(200);
    expect(echoed.method).toBe('PUT');
    expect(echoed.url).toBe('/a/b%20c?fixed=1&x=1&x=2');
    expect(echoed.body).toBe('hello');
    expect(echoed.headers).toMatchObject({
      accept: 'application/xml',
      'content-type': 'text/plain',
      'x-mapped': 'mapped',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      host: `127.0.0.1:${backend.port}`,
    });
    expect(echoed.headers['x-amzn-apigateway-api-id']).toMatch(/^[a-z0-9]{10}$/);
    expect(echoed.headers['x-amzn-trace-id']).toMatch(/^Root=1-/);
    expect(response.headers['x-backend']).toBe('echo');
    expect(response.headers['access-control-allow-origin']).toBe('https://backend.example');
    expect(response.headers['x-amzn-remapped-content-length']).toBeDefined();
    expect(response.headers['x-amzn-remapped-date']).toBeDefined();
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes a backend error status through a proxy', async () => {
    const response = await request(`${url}proxy/status/503`);
    await response.body.dump();
    expect(response.statusCode).toBe(503);
  });

  it('maps a custom request and answers with the selected integration response, not the backend status', async () => {
    const response = await request(`${url}custom`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client': 'not sent', accept: 'application/xml' },
      body: '{"a":1}',
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe('{"backend": "POST"}');
    const sent = backend.received.at(-1)!;
    expect(sent.body).toBe('{"wrapped": {"a":1}}');
    expect(sent.headers.accept).toBe('application/json');
    expect(sent.headers['user-agent']).toMatch(/^AmazonAPIGateway_[a-z0-9]{10}$/);
    expect(sent.headers['x-client']).toBeUndefined();
    expect(response.headers['x-backend']).toBeUndefined();
  });

  it('selects an integration response by the backend status, with its header mappings', async () => {
    const response = await request(`${url}selected`);
    await response.body.dump();
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-backend']).toBe('echo');
  });

  it('answers 504 Endpoint request timed out when the backend does not answer in time', async () => {
    const response = await request(`${url}slow`);
    expect(response.statusCode).toBe(504);
    expect(await response.body.text()).toBe('{"message":"Endpoint request timed out"}');
  });

  it('answers 500 when the backend cannot be reached, and logs why', async () => {
    const response = await request(`${url}closed`);
    expect(response.statusCode).toBe(500);
    expect(await response.body.json()).toEqual({ message: 'Internal server error' });
    expect(logger.lines.join('\n')).toMatch(/http:\/\/127\.0\.0\.1:1\/ cannot be reached: ECONNREFUSED/);
  });

  it('fills stage variables into the URI, and answers 500 Invalid endpoint address for one the stage lacks', async () => {
    const good = await request(`${url}by-stage-variable`);
    expect(((await good.body.json()) as { url: string }).url).toBe('/v');
    const bad = await request(`${url}undefined-variable`);
    await bad.body.dump();
    expect(bad.statusCode).toBe(500);
    expect(logger.lines.join('\n')).toContain(
      'Invalid endpoint address (the stage variable nope is not defined)',
    );
  });

  it('sends the requests for a mapped origin to the local URL', async () => {
    const response = await request(`${url}public`);
    expect(((await response.body.json()) as { url: string }).url).toBe('/items');
  });
});
