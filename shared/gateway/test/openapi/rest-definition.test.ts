import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway-options.js';
import { importRestDefinition } from '../../src/openapi/rest-definition.js';
import { startGateway } from '../../src/start-gateway.js';
import { writeAssembly } from '../support/assembly-folder.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const corsPreflight = {
  'x-amazon-apigateway-integration': {
    type: 'mock',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: {
      default: {
        statusCode: '204',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': "'https://app.example'",
          'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
        },
      },
    },
  },
  responses: {
    '204': {
      description: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': { schema: { type: 'string' } },
        'Access-Control-Allow-Methods': { schema: { type: 'string' } },
      },
    },
  },
};

const definition = {
  openapi: '3.0.1',
  info: { title: 'Spec', version: '1' },
  paths: {
    '/items/{id}': {
      options: corsPreflight,
      get: {
        parameters: [{ name: 'id', in: 'path', required: true }],
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: {
            'Fn::Sub':
              // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub's own ${} syntax, not a template literal
              'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ItemsFn.Arn}/invocations',
          },
        },
      },
    },
  },
  'x-amazon-apigateway-gateway-responses': {
    DEFAULT_4XX: {
      statusCode: 403,
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example'" },
      responseTemplates: { 'application/json': '{"error":$context.error.messageString}' },
    },
  },
};

function specTemplate(apiProperties: Record<string, unknown>) {
  return {
    Resources: {
      Spec: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Spec', ...apiProperties } },
      SpecDeployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Spec' } } },
      SpecStage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          RestApiId: { Ref: 'Spec' },
          DeploymentId: { Ref: 'SpecDeployment' },
          StageName: 'prod',
        },
      },
      ItemsFn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Code: {
            ZipFile: 'exports.handler = async (e) => ({ statusCode: 200, body: e.pathParameters.id })',
          },
          Handler: 'index.handler',
          Runtime: 'nodejs22.x',
          Role: 'arn:aws:iam::123456789012:role/r',
        },
      },
    },
  };
}

describe('a REST API defined by an inline OpenAPI Body', () => {
  let gateway: RunningGateway;
  let url: string;
  beforeAll(async () => {
    gateway = await startGateway({
      source: writeTemplate(specTemplate({ Body: definition })),
      port: 0,
      logger: recordingLogger(),
    });
    url = gateway.apis[0]!.url;
  });
  afterAll(() => gateway.close());

  it('answers the OPTIONS method written by hand with its mock integration', async () => {
    const response = await request(`${url}items/7`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(response.headers['access-control-allow-methods']).toBe('GET,OPTIONS');
  });

  it('invokes the Lambda function its uri names through Fn::Sub', async () => {
    const response = await request(`${url}items/7`);
    expect(await response.body.text()).toBe('7');
  });

  it('answers errors with the gateway responses of x-amazon-apigateway-gateway-responses', async () => {
    const response = await request(`${url}nothing-here`);
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(await response.body.text()).toBe('{"error":"Missing Authentication Token"}');
  });
});

describe('a REST API defined by a BodyS3Location asset (SpecRestApi with ApiDefinition.fromAsset)', () => {
  it('reads the YAML definition from the assembly', async () => {
    const yaml = [
      'openapi: "3.0.1"',
      'info: { title: Spec, version: "1" }',
      'paths:',
      '  /ping:',
      '    get:',
      '      x-amazon-apigateway-integration:',
      '        type: mock',
      '        requestTemplates: { application/json: \'{"statusCode": 200}\' }',
      '        responses:',
      '          default: { statusCode: "200", responseTemplates: { application/json: \'{"pong":true}\' } }',
      '      responses: { "200": { description: ok } }',
    ].join('\n');
    const dir = writeAssembly({
      S: {
        template: specTemplate({ BodyS3Location: { Bucket: 'cdk-assets', Key: 'abc.yaml' } }),
        assets: { 'abc.yaml': { path: 'asset.abc.yaml', text: yaml } },
      },
    });
    const gateway = await startGateway({ source: dir, port: 0, logger: recordingLogger() });
    try {
      const response = await request(`${gateway.apis[0]!.url}ping`);
      expect(await response.body.text()).toBe('{"pong":true}');
    } finally {
      await gateway.close();
    }
  });
});

describe('OpenAPI definitions the gateway cannot import faithfully', () => {
  const refusal = (body: unknown) =>
    startGateway({ source: writeTemplate(specTemplate({ Body: body })), port: 0, logger: recordingLogger() });

  it('refuses an operation without an integration, as API Gateway refuses to deploy it', async () => {
    const body = { openapi: '3.0.1', paths: { '/a': { get: { responses: {} } } } };
    await expect(refusal(body)).rejects.toThrow(
      /\(Spec\): the REST API's OpenAPI definition cannot be served: the operation GET \/a cannot be imported: No integration defined for method/,
    );
  });

  it('refuses an extension it does not import, naming it', async () => {
    const body = { openapi: '3.0.1', paths: {}, 'x-amazon-apigateway-future-feature': {} };
    await expect(refusal(body)).rejects.toThrow(
      /it uses x-amazon-apigateway-future-feature, which the local gateway does not import/,
    );
  });

  it('refuses a security scheme API Gateway has nothing to enforce with', async () => {
    const body = {
      openapi: '3.0.1',
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: {} } } },
      paths: {
        '/a': { get: { security: [{ oauth: [] }], 'x-amazon-apigateway-integration': { type: 'mock' } } },
      },
    };
    await expect(refusal(body)).rejects.toThrow(
      /the operation GET \/a cannot be imported: its security scheme "oauth" \(type "oauth2"\) has no x-amazon-apigateway-authorizer/,
    );
  });

  it('imports a Lambda authorizer as an AWS::ApiGateway::Authorizer the method refers to', () => {
    const uri =
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations';
    const body = {
      openapi: '3.0.1',
      components: {
        securitySchemes: {
          token: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: uri },
          },
          key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
        },
      },
      paths: {
        '/a': {
          get: { security: [{ token: [], key: [] }], 'x-amazon-apigateway-integration': { type: 'mock' } },
        },
      },
    };
    const imported = importRestDefinition('Spec', { Body: body }, body);
    if ('refusal' in imported) throw new Error(imported.refusal);
    expect(imported.resources['Spec[authorizer token]']).toEqual({
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: {
        RestApiId: { Ref: 'Spec' },
        Name: 'token',
        Type: 'TOKEN',
        AuthorizerUri: uri,
        IdentitySource: 'method.request.header.Authorization',
      },
    });
    expect(imported.resources['Spec[GET /a]']?.Properties).toMatchObject({
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: 'Spec[authorizer token]' },
      ApiKeyRequired: true,
      Integration: { Type: 'MOCK' },
    });
  });
});

describe('request validation imported from OpenAPI', () => {
  it('validates the body against the imported models, their references rewritten to model URLs', async () => {
    const body = {
      openapi: '3.0.1',
      'x-amazon-apigateway-request-validators': {
        body: { validateRequestBody: true, validateRequestParameters: false },
      },
      'x-amazon-apigateway-request-validator': 'body',
      components: {
        schemas: {
          Order: {
            type: 'object',
            required: ['item'],
            properties: { item: { $ref: '#/components/schemas/Item' } },
          },
          Item: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } },
        },
      },
      paths: {
        '/orders': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
            },
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              responses: { default: { statusCode: '200' } },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const gateway = await startGateway({
      source: writeTemplate(specTemplate({ Body: body })),
      port: 0,
      logger: recordingLogger(),
    });
    try {
      const post = (payload: unknown) =>
        request(`${gateway.apis[0]!.url}orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        });
      const good = await post({ item: { sku: 'a' } });
      await good.body.dump();
      expect(good.statusCode).toBe(200);
      const bad = await post({ item: {} });
      expect(bad.statusCode).toBe(400);
      expect(await bad.body.text()).toContain('Invalid request body');
    } finally {
      await gateway.close();
    }
  });
});
