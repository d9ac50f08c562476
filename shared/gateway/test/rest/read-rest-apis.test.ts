import { describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import type { LoadedStack } from '../../src/assembly/load-assembly.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { GatewayConfigError } from '../../src/errors.js';
import { readLambdaFunctions } from '../../src/lambda/lambda-function.js';
import { readRestApis } from '../../src/rest/read-rest-apis.js';
import { restApiTemplate, type TestMethod } from '../support/rest-template.js';

function read(methods: TestMethod[], extraResources?: Record<string, unknown>) {
  const template = restApiTemplate({
    methods,
    extraResources,
    functions: { Fn: { code: 'exports.handler = async () => ({})' } },
  });
  const stack: LoadedStack = {
    stackName: 's',
    artifactId: 's',
    templateFile: 'T.json',
    template,
    assets: new Map(),
    baseDir: '.',
  };
  const resolver = new IntrinsicResolver(template, 's', localPseudoParameters({}));
  return readRestApis(stack, resolver, readLambdaFunctions(stack, resolver));
}

const mockWith = (
  responseParameters: Record<string, unknown>,
  declared: Record<string, boolean>,
): TestMethod => ({
  path: '/',
  httpMethod: 'GET',
  integration: {
    Type: 'MOCK',
    RequestTemplates: { 'application/json': '{"statusCode": 200}' },
    IntegrationResponses: [{ StatusCode: '200', ResponseParameters: responseParameters }],
  },
  methodResponses: [{ StatusCode: '200', ResponseParameters: declared }],
});

describe('readRestApis', () => {
  it('builds the resource tree with full paths', () => {
    const [api] = read([mockWith({}, {}), { ...mockWith({}, {}), path: '/a/{id}/b' }]);
    const b = api!.root.children.get('a')!.parameterChild!.resource.children.get('b')!;
    expect(b.path).toBe('/a/{id}/b');
    expect(b.methods.get('GET')?.integration.type).toBe('MOCK');
    expect([...api!.stages.keys()]).toEqual(['prod']);
  });

  it('refuses a mapping to an undeclared method response header with API Gateway’s message', () => {
    expect(() =>
      read([mockWith({ 'method.response.header.Access-Control-Allow-Origin': "'*'" }, {})]),
    ).toThrow(
      new GatewayConfigError(
        'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.Access-Control-Allow-Origin]',
        { file: 'T.json', resource: 'Method0' },
      ),
    );
  });

  it('refuses an unquoted static value with API Gateway’s message', () => {
    expect(() =>
      read([
        mockWith(
          { 'method.response.header.Access-Control-Allow-Origin': '*' },
          { 'method.response.header.Access-Control-Allow-Origin': true },
        ),
      ]),
    ).toThrow(
      'T.json (Method0): Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: *]',
    );
  });

  it('refuses a non-Lambda AWS_PROXY integration with API Gateway’s message', () => {
    expect(() =>
      read([
        {
          path: '/',
          httpMethod: 'GET',
          integration: {
            Type: 'AWS_PROXY',
            IntegrationHttpMethod: 'POST',
            Uri: 'arn:aws:apigateway:us-east-1:sqs:path/1/q',
          },
        },
      ]),
    ).toThrow(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
  });

  it('refuses an authorized method without a valid authorizer, with API Gateway’s message', () => {
    expect(() =>
      read([], {
        Authorized: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            HttpMethod: 'GET',
            ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
            RestApiId: { Ref: 'Api' },
            AuthorizationType: 'COGNITO_USER_POOLS',
            Integration: { Type: 'MOCK' },
          },
        },
      }),
    ).toThrow(
      '(Authorized): Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
  });

  it('accepts a Lambda URI with more than one slash after path, as AWS does', () => {
    const uri = {
      'Fn::Join': [
        '',
        [
          'arn:aws:apigateway:us-east-1:lambda:path//2015-03-31/functions/',
          { 'Fn::GetAtt': ['Fn', 'Arn'] },
          '/invocations',
        ],
      ],
    };
    const [api] = read([
      {
        path: '/',
        httpMethod: 'GET',
        integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: uri },
      },
    ]);
    expect(api!.root.methods.get('GET')?.integration.lambda?.logicalId).toBe('Fn');
  });
});
