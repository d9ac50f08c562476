import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway-options.js';
import { startGateway } from '../../src/start-gateway.js';
import { startEchoBackend } from '../support/echo-backend.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const backend = await startEchoBackend();

function httpTemplate(apiProperties: Record<string, unknown>, withStage = true) {
  return {
    Resources: {
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: apiProperties },
      ...(withStage
        ? {
            Stage: {
              Type: 'AWS::ApiGatewayV2::Stage',
              Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true },
            },
          }
        : {}),
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Code: {
            ZipFile:
              'exports.handler = async (e) => ({ statusCode: 200, headers: { "access-control-allow-origin": "*" }, body: e.routeKey })',
          },
          Handler: 'index.handler',
          Runtime: 'nodejs22.x',
          Role: 'arn:aws:iam::123456789012:role/r',
        },
      },
    },
  };
}

describe('an HTTP API defined by an OpenAPI Body', () => {
  let gateway: RunningGateway;
  let url: string;
  beforeAll(async () => {
    const body = {
      openapi: '3.0.1',
      info: { title: 'Http', version: '1' },
      'x-amazon-apigateway-cors': {
        allowOrigins: ['https://app.example'],
        allowMethods: ['GET'],
        maxAge: 60,
      },
      components: {
        'x-amazon-apigateway-integrations': {
          backend: {
            type: 'http_proxy',
            httpMethod: 'ANY',
            uri: `${backend.origin}/{proxy}`,
            payloadFormatVersion: '1.0',
          },
        },
      },
      paths: {
        '/hello': {
          get: {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              uri: { 'Fn::GetAtt': ['Fn', 'Arn'] },
              payloadFormatVersion: '2.0',
            },
          },
        },
        '/files/{proxy+}': {
          'x-amazon-apigateway-any-method': {
            'x-amazon-apigateway-integration': {
              $ref: '#/components/x-amazon-apigateway-integrations/backend',
            },
          },
        },
      },
    };
    gateway = await startGateway({
      source: writeTemplate(httpTemplate({ Body: body })),
      port: 0,
      logger: recordingLogger(),
    });
    url = gateway.apis[0]!.url;
  });
  afterAll(() => gateway.close());

  it('answers preflights from x-amazon-apigateway-cors', async () => {
    const response = await request(`${url}hello`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(response.headers['access-control-max-age']).toBe('60');
  });

  it("routes to the Lambda integration, replacing the function's CORS headers with the configuration's", async () => {
    const response = await request(`${url}hello`, { headers: { origin: 'https://app.example' } });
    expect(await response.body.text()).toBe('GET /hello');
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
  });

  it('routes to an HTTP proxy integration shared through a $ref', async () => {
    const response = await request(`${url}files/a.txt`);
    expect(((await response.body.json()) as { url: string }).url).toBe('/a.txt');
  });
});

describe('an HTTP API made by quick create', () => {
  it('is served at its $default stage with one $default route', async () => {
    const template = httpTemplate(
      { Name: 'Quick', ProtocolType: 'HTTP', Target: { 'Fn::GetAtt': ['Fn', 'Arn'] } },
      false,
    );
    const gateway = await startGateway({
      source: writeTemplate(template),
      port: 0,
      logger: recordingLogger(),
    });
    try {
      expect(gateway.apis[0]!.stage).toBe('$default');
      const response = await request(`${gateway.apis[0]!.url}anything`);
      expect(await response.body.text()).toBe('$default');
    } finally {
      await gateway.close();
    }
  });
});

describe('HTTP API definitions the gateway cannot import faithfully', () => {
  it('refuses an unknown CORS key, naming the API', async () => {
    const body = { openapi: '3.0.1', paths: {}, 'x-amazon-apigateway-cors': { allowOrigin: ['*'] } };
    await expect(
      startGateway({
        source: writeTemplate(httpTemplate({ Body: body })),
        port: 0,
        logger: recordingLogger(),
      }),
    ).rejects.toThrow(
      /\(Api\): the HTTP API's OpenAPI definition cannot be served: its x-amazon-apigateway-cors has "allowOrigin"/,
    );
  });
});
