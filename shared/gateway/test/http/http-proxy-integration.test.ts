import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway-options.js';
import { startGateway } from '../../src/start-gateway.js';
import { startEchoBackend } from '../support/echo-backend.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const backend = await startEchoBackend();

interface TestIntegration {
  readonly routeKey: string;
  readonly properties: Record<string, unknown>;
}

function httpProxyApi(
  integrations: TestIntegration[],
  options: { cors?: Record<string, unknown>; stage?: string; extra?: Record<string, unknown> } = {},
) {
  const resources: Record<string, unknown> = {
    Api: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: 'Api',
        ProtocolType: 'HTTP',
        ...(options.cors ? { CorsConfiguration: options.cors } : {}),
      },
    },
    Stage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'Api' }, StageName: options.stage ?? '$default', AutoDeploy: true },
    },
    ...options.extra,
  };
  integrations.forEach(({ routeKey, properties }, index) => {
    resources[`Integration${index}`] = {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'HTTP_PROXY',
        PayloadFormatVersion: '1.0',
        IntegrationMethod: 'ANY',
        ...properties,
      },
    };
    resources[`Route${index}`] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: routeKey,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: `Integration${index}` }]] },
      },
    };
  });
  return { Resources: resources };
}

type Echoed = { method: string; url: string; headers: Record<string, string>; body: string };

describe('HTTP API HTTP_PROXY integrations (HttpUrlIntegration)', () => {
  let gateway: RunningGateway;
  let url: string;
  const logger = recordingLogger();
  beforeAll(async () => {
    const template = httpProxyApi(
      [
        {
          routeKey: 'ANY /books/{proxy+}',
          properties: { IntegrationUri: `${backend.origin}/store/{proxy}` },
        },
        {
          routeKey: 'POST /mapped',
          properties: {
            IntegrationUri: `${backend.origin}/original`,
            RequestParameters: {
              'overwrite:path': '/rewritten/$request.querystring.id',
              'append:header.x-source': '$request.header.x-client',
              'remove:querystring.secret': "''",
              'overwrite:querystring.stage': '$context.stage',
            },
          },
        },
        {
          routeKey: 'GET /slow',
          properties: { IntegrationUri: `${backend.origin}/slow`, TimeoutInMillis: 200 },
        },
        { routeKey: 'GET /closed', properties: { IntegrationUri: 'http://127.0.0.1:1/' } },
      ],
      { cors: { AllowOrigins: ['https://app.example'], AllowMethods: ['GET', 'POST'] } },
    );
    gateway = await startGateway({ source: writeTemplate(template), port: 0, logger });
    url = gateway.apis[0]!.url;
  });
  afterAll(() => gateway.close());

  it('passes the request through with the path variable in the URI, the query string and the headers', async () => {
    const response = await request(`${url}books/a/b?q=1`, {
      method: 'PUT',
      headers: { 'x-client': 'c1', 'content-type': 'text/plain' },
      body: 'page',
    });
    const echoed = (await response.body.json()) as Echoed;
    expect(response.statusCode).toBe(200);
    expect(echoed).toMatchObject({ method: 'PUT', url: '/store/a/b?q=1', body: 'page' });
    expect(echoed.headers).toMatchObject({
      'x-client': 'c1',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
    });
    expect(response.headers['x-backend']).toBe('echo');
    expect(response.headers['apigw-requestid']).toBeDefined();
  });

  it("replaces the backend's CORS headers with the configuration's, and sends none without an Origin", async () => {
    const allowed = await request(`${url}books/x`, { headers: { origin: 'https://app.example' } });
    await allowed.body.dump();
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    const bare = await request(`${url}books/x`);
    await bare.body.dump();
    expect(bare.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('applies the parameter mapping to the path, the headers and the query string', async () => {
    const response = await request(`${url}mapped?id=42&secret=s&stage=x`, {
      method: 'POST',
      headers: { 'x-client': 'c2', 'x-source': 's0' },
    });
    const echoed = (await response.body.json()) as Echoed;
    expect(echoed.url).toBe('/rewritten/42?id=42&stage=%24default');
    expect(echoed.headers['x-source']).toBe('s0,c2');
  });

  it('answers 504 when the backend does not answer within the integration timeout', async () => {
    const response = await request(`${url}slow`);
    expect(response.statusCode).toBe(504);
    expect(await response.body.text()).toBe('{"message":"Gateway Timeout"}');
  });

  it('answers 500 when the backend cannot be reached, and logs why', async () => {
    const response = await request(`${url}closed`);
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('{"message":"Internal Server Error"}');
    expect(logger.lines.join('\n')).toMatch(/ECONNREFUSED/);
  });
});

describe('HTTP API private integrations', () => {
  const albApi = () =>
    httpProxyApi(
      [
        {
          routeKey: 'GET /orders',
          properties: {
            IntegrationUri: { Ref: 'Listener' },
            ConnectionType: 'VPC_LINK',
            ConnectionId: { Ref: 'Link' },
          },
        },
      ],
      {
        stage: 'live',
        extra: {
          Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 80 } },
          Link: { Type: 'AWS::ApiGatewayV2::VpcLink', Properties: { Name: 'link', SubnetIds: [] } },
        },
      },
    );

  it('is refused without a mapping for the listener, naming the integration', async () => {
    await expect(
      startGateway({ source: writeTemplate(albApi()), port: 0, logger: recordingLogger() }),
    ).rejects.toThrow(
      /\(Integration0\): the integration reaches its backend .* through a VPC link, which exists only once deployed; map it .*--http-endpoint Listener=/,
    );
  });

  it('sends the request path with the stage to the mapped URL, as AWS documents', async () => {
    const gateway = await startGateway({
      source: writeTemplate(albApi()),
      port: 0,
      logger: recordingLogger(),
      httpEndpoints: { Listener: backend.origin },
    });
    try {
      const response = await request(`${gateway.apis[0]!.url}orders?x=1`);
      expect(((await response.body.json()) as Echoed).url).toBe('/live/orders?x=1');
    } finally {
      await gateway.close();
    }
  });

  it('refuses response parameter mappings, which it does not emulate', async () => {
    const template = httpProxyApi([
      {
        routeKey: 'GET /r',
        properties: {
          IntegrationUri: backend.origin,
          ResponseParameters: { '404': { 'overwrite:statuscode': '200' } },
        },
      },
    ]);
    await expect(
      startGateway({ source: writeTemplate(template), port: 0, logger: recordingLogger() }),
    ).rejects.toThrow(
      /\(Integration0\): ResponseParameters \(response parameter mapping\) of an HTTP_PROXY integration are not emulated/,
    );
  });
});
