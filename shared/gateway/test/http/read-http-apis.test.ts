import { describe, expect, it } from 'vitest';
import { GatewayConfigError } from '../../src/errors.js';
import { httpApiTemplate, type TestRoute } from './fixtures/http-template.js';
import { readTemplate } from './fixtures/serve-http-api.js';

const functions = { Fn: { code: 'exports.handler = async () => ({})' } };

/** The one API of a list, or a failed test. */
function only<T>(list: readonly T[]): T {
  const [first, ...rest] = list;
  if (first === undefined || rest.length > 0) throw new Error(`expected one API, got ${list.length}`);
  return first;
}

function read(options: Partial<Parameters<typeof httpApiTemplate>[0]> = {}) {
  return readTemplate(
    httpApiTemplate({ functions, routes: [{ routeKey: 'GET /', functionId: 'Fn' }], ...options }),
  );
}

function refusal(run: () => unknown): GatewayConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayConfigError) return error;
    throw error;
  }
  throw new Error('expected a GatewayConfigError');
}

/** A template with one property of one resource replaced. */
function withProperty(logicalId: string, property: string, value: unknown) {
  const template = httpApiTemplate({ functions, routes: [{ routeKey: 'GET /', functionId: 'Fn' }] });
  const resource = template.Resources[logicalId] as { Properties: Record<string, unknown> };
  resource.Properties[property] = value;
  return template;
}

describe('readHttpApis', () => {
  it('reads the API, its route, its Lambda integration and its $default stage', () => {
    const api = only(read({ cors: { AllowOrigins: ['*'], AllowMethods: ['*'] } }));

    expect(api).toMatchObject({ logicalId: 'Api', stageNames: ['$default'], accountId: '123456789012' });
    expect(api.routes).toHaveLength(1);
    expect(api.routes[0]).toMatchObject({
      logicalId: 'Route0',
      key: { kind: 'route', method: 'GET', path: '/' },
      integration: {
        logicalId: 'Integration0',
        payloadFormatVersion: '2.0',
        timeoutMs: 30_000,
        lambda: { logicalId: 'Fn' },
      },
    });
    expect(api.cors?.configuration).toMatchObject({ allowOrigins: ['*'], allowMethods: ['*'] });
  });

  it('finds the function behind an apigateway invocation-path URI and a qualified ARN', () => {
    const api = only(read({ routes: [{ routeKey: 'GET /', functionId: 'Fn', invocationPathUri: true }] }));
    const qualified = readTemplate(
      withProperty('Integration0', 'IntegrationUri', {
        'Fn::Join': ['', [{ 'Fn::GetAtt': ['Fn', 'Arn'] }, ':live']],
      }),
    );

    expect(api.routes[0]?.integration).toMatchObject({ kind: 'lambda', lambda: { logicalId: 'Fn' } });
    expect(only(qualified).routes[0]?.integration).toMatchObject({
      kind: 'lambda',
      lambda: { logicalId: 'Fn' },
    });
  });

  it('has no CORS policy without a CorsConfiguration', () => {
    expect(only(read()).cors).toBeUndefined();
  });

  it('reads named stages, their variables, and leaves out a stage nothing is deployed to', () => {
    const api = only(
      read({
        stages: [
          { name: 'dev', variables: { table: 'items' } },
          { name: 'draft', autoDeploy: false },
        ],
      }),
    );

    expect(api.stageNames).toEqual(['dev']);
    expect(api.stages.get('dev')).toEqual({
      name: 'dev',
      variables: { table: 'items' },
      throttling: { defaults: undefined, routes: new Map() },
    });
    expect(api.warnings.join('\n')).toContain(
      'stage "draft" (Stage1) has neither AutoDeploy nor a DeploymentId',
    );
  });

  it('warns about an allowed origin no browser can send', () => {
    const api = only(read({ cors: { AllowOrigins: ['https://*.example.com'] } }));

    expect(api.warnings.join('\n')).toContain(
      '"https://*.example.com", which no browser sends as its Origin',
    );
  });

  it('refuses credentials with the origin * with the message of API Gateway, naming the API', () => {
    const error = refusal(() => read({ cors: { AllowOrigins: ['*'], AllowCredentials: true } }));

    expect(error.message).toBe(
      `${error.where.file} (Api): allow-credentials is not supported if 'allow-origin' is *`,
    );
    expect(error.where.resource).toBe('Api');
  });

  it.each<[string, () => unknown, string, string]>([
    [
      'a WebSocket API',
      () => read({ apiProperties: { ProtocolType: 'WEBSOCKET' } }),
      'Api',
      'WebSocket APIs (ProtocolType WEBSOCKET) are not supported',
    ],
    [
      'an OpenAPI Body',
      () => read({ apiProperties: { Body: { openapi: '3.0.1' } } }),
      'Api',
      'defined with "Body"',
    ],
    [
      'a missing ProtocolType',
      () => read({ apiProperties: { ProtocolType: undefined } }),
      'Api',
      'ProtocolType must be "HTTP" or "WEBSOCKET", got undefined',
    ],
    [
      'a malformed route key',
      () => readTemplate(withProperty('Route0', 'RouteKey', 'GET /{proxy+}/x')),
      'Route0',
      'the greedy variable {proxy+} before the end of the path',
    ],
    [
      'a target that is not an integration of the API',
      () => readTemplate(withProperty('Route0', 'Target', 'integrations/nope')),
      'Route0',
      'Target "integrations/nope" is not "integrations/<id>" of an integration of this API',
    ],
    [
      'a route without a target',
      () => readTemplate(withProperty('Route0', 'Target', undefined)),
      'Route0',
      'has no Target',
    ],
    [
      'an authorization type without an authorizer',
      () => readTemplate(withProperty('Route0', 'AuthorizationType', 'JWT')),
      'Route0',
      'AuthorizationType JWT needs an AuthorizerId of an authorizer of this API, got undefined',
    ],
    [
      'an integration type only WebSocket APIs have',
      () => readTemplate(withProperty('Integration0', 'IntegrationType', 'MOCK')),
      'Integration0',
      'IntegrationType "MOCK" is not supported',
    ],
    [
      'an HTTP proxy integration with payload format 2.0',
      () => readTemplate(withProperty('Integration0', 'IntegrationType', 'HTTP_PROXY')),
      'Integration0',
      'PayloadFormatVersion must be "1.0" for an HTTP_PROXY integration, got "2.0"',
    ],
    [
      'a service integration it has no backend for',
      () => readTemplate(withProperty('Integration0', 'IntegrationSubtype', 'SQS-SendMessage')),
      'Integration0',
      'IntegrationSubtype "SQS-SendMessage" has no local backend; the local gateway serves Kinesis-PutRecord',
    ],
    [
      'a missing payload format version',
      () => readTemplate(withProperty('Integration0', 'PayloadFormatVersion', undefined)),
      'Integration0',
      'PayloadFormatVersion must be "1.0" or "2.0" for a Lambda proxy integration, got undefined',
    ],
    [
      'a timeout out of range',
      () => readTemplate(withProperty('Integration0', 'TimeoutInMillis', 31_000)),
      'Integration0',
      'got 31000',
    ],
    [
      'a function of another stack',
      () =>
        readTemplate(
          withProperty(
            'Integration0',
            'IntegrationUri',
            'arn:aws:lambda:us-east-1:123456789012:function:elsewhere',
          ),
        ),
      'Integration0',
      'invokes arn:aws:lambda:us-east-1:123456789012:function:elsewhere, which is not a function with local code',
    ],
    [
      'a URI that is not a function',
      () => readTemplate(withProperty('Integration0', 'IntegrationUri', 'https://example.com')),
      'Integration0',
      'got "https://example.com"',
    ],
    ['a MaxAge out of range', () => read({ cors: { MaxAge: -2 } }), 'Api', 'got -2'],
  ])('refuses %s, naming the resource', (_name, run, resource, message) => {
    const error = refusal(run);

    expect(error.where.resource).toBe(resource);
    expect(error.message).toContain(message);
  });

  it('refuses two routes with the same method and path, even with other variable names', () => {
    const routes: TestRoute[] = [
      { routeKey: 'GET /items/{id}', functionId: 'Fn' },
      { routeKey: 'GET /items/{name}', functionId: 'Fn' },
    ];

    const error = refusal(() => read({ routes }));

    expect(error.where.resource).toBe('Route1');
    expect(error.message).toContain(
      'Route with key GET /items/{name} conflicts with the route Route0 (GET /items/{id})',
    );
  });

  it('accepts the same path with other methods, and a greedy route next to a parameter route', () => {
    const routes: TestRoute[] = [
      { routeKey: 'GET /items/{id}', functionId: 'Fn' },
      { routeKey: 'POST /items/{id}', functionId: 'Fn' },
      { routeKey: 'GET /items/{id+}', functionId: 'Fn' },
      { routeKey: '$default', functionId: 'Fn' },
    ];

    expect(only(read({ routes })).routes).toHaveLength(4);
  });

  it('ignores resources of other APIs', () => {
    const template = httpApiTemplate({ functions, routes: [{ routeKey: 'GET /', functionId: 'Fn' }] });
    template.Resources.Other = {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: 'Other', ProtocolType: 'HTTP' },
    };

    const apis = readTemplate(template);

    expect(apis.map((api) => [api.logicalId, api.routes.length, api.stageNames.length])).toEqual([
      ['Api', 1, 1],
      ['Other', 0, 0],
    ]);
  });
});
