import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Lambda function of a test template, with its code inline (CommonJS) or in a folder. */
export interface TestFunction {
  readonly code?: string;
  readonly assetPath?: string;
  readonly handler?: string;
  readonly timeout?: number;
  readonly environment?: Record<string, string>;
  /** `FunctionName`, when the test needs a known physical name. */
  readonly functionName?: string;
}

/** A method of a test template. */
export interface TestMethod {
  readonly path: string;
  readonly httpMethod: string;
  readonly integration: Record<string, unknown>;
  readonly methodResponses?: unknown[];
  /** The method's own `RequestParameters` (`method.request.…: required`). */
  readonly requestParameters?: Record<string, boolean>;
  /** More `AWS::ApiGateway::Method` properties (e.g. `ApiKeyRequired`, `RequestValidatorId`). */
  readonly properties?: Record<string, unknown>;
}

/**
 * Builds a REST API template in the shape CDK synthesizes: a RestApi, its resources (from the paths), the
 * methods, a deployment and a stage (`prod` unless `stageName` says otherwise).
 */
export function restApiTemplate(options: {
  methods: TestMethod[];
  functions?: Record<string, TestFunction>;
  extraResources?: Record<string, unknown>;
  /** @default 'prod' */
  stageName?: string;
  stageVariables?: Record<string, string>;
  binaryMediaTypes?: string[];
}): Record<string, unknown> {
  const resources: Record<string, unknown> = {
    Api: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        Name: 'Api',
        ...(options.binaryMediaTypes ? { BinaryMediaTypes: options.binaryMediaTypes } : {}),
      },
    },
    ApiDeployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' } } },
    ApiStageProd: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: {
        RestApiId: { Ref: 'Api' },
        DeploymentId: { Ref: 'ApiDeployment' },
        StageName: options.stageName ?? 'prod',
        ...(options.stageVariables ? { Variables: options.stageVariables } : {}),
      },
    },
  };
  const resourceIds = new Map<string, unknown>([['/', { 'Fn::GetAtt': ['Api', 'RootResourceId'] }]]);
  const resourceFor = (path: string): unknown => {
    const known = resourceIds.get(path);
    if (known) return known;
    const parts = path.split('/').filter(Boolean);
    const parentPath = `/${parts.slice(0, -1).join('/')}`;
    const logicalId = `Res${parts.map((p) => p.replace(/[^A-Za-z0-9]/g, '')).join('')}${resourceIds.size}`;
    resources[logicalId] = {
      Type: 'AWS::ApiGateway::Resource',
      Properties: { ParentId: resourceFor(parentPath), PathPart: parts.at(-1), RestApiId: { Ref: 'Api' } },
    };
    resourceIds.set(path, { Ref: logicalId });
    return resourceIds.get(path);
  };
  options.methods.forEach((method, index) => {
    resources[`Method${index}`] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        HttpMethod: method.httpMethod,
        ResourceId: resourceFor(method.path),
        RestApiId: { Ref: 'Api' },
        AuthorizationType: 'NONE',
        Integration: method.integration,
        ...(method.methodResponses ? { MethodResponses: method.methodResponses } : {}),
        ...(method.requestParameters ? { RequestParameters: method.requestParameters } : {}),
        ...method.properties,
      },
    };
  });
  for (const [logicalId, fn] of Object.entries(options.functions ?? {})) {
    resources[logicalId] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Code: fn.code === undefined ? { S3Bucket: 'bucket', S3Key: 'key.zip' } : { ZipFile: fn.code },
        Handler: fn.handler ?? 'index.handler',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::123456789012:role/test',
        ...(fn.timeout ? { Timeout: fn.timeout } : {}),
        ...(fn.environment ? { Environment: { Variables: fn.environment } } : {}),
        ...(fn.functionName ? { FunctionName: fn.functionName } : {}),
      },
      ...(fn.assetPath ? { Metadata: { 'aws:asset:path': fn.assetPath } } : {}),
    };
  }
  Object.assign(resources, options.extraResources);
  return { Resources: resources };
}

/** The `Integration` of a Lambda proxy method invoking `functionLogicalId`. */
export function lambdaProxyIntegration(functionLogicalId: string): Record<string, unknown> {
  return {
    Type: 'AWS_PROXY',
    IntegrationHttpMethod: 'POST',
    Uri: {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':apigateway:',
          { Ref: 'AWS::Region' },
          ':lambda:path/2015-03-31/functions/',
          { 'Fn::GetAtt': [functionLogicalId, 'Arn'] },
          '/invocations',
        ],
      ],
    },
  };
}

/** Writes `template` to a fresh temporary folder and returns the file's path. */
export function writeTemplate(template: unknown, name = 'Test.template.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(template));
  return file;
}
