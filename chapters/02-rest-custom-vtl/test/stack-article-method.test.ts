import { describe, expect, it } from 'vitest';
import { integrationOf, resource, resourceOf, synthesize, template } from './stack-template.js';

/** The `GET /` method exactly as the article prints it (its YAML, read as JSON). */
const ARTICLE_GET_METHOD = {
  HttpMethod: 'GET',
  ResourceId: { 'Fn::GetAtt': ['CustomCorsRestApi3D2B9919', 'RootResourceId'] },
  RestApiId: { Ref: 'CustomCorsRestApi3D2B9919' },
  AuthorizationType: 'NONE',
  Integration: {
    IntegrationHttpMethod: 'POST',
    IntegrationResponses: [
      {
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        ResponseTemplates: {
          'application/json': '{"message":{"output":"$util.parseJson($input.body)"},"state":"ok"}',
        },
        StatusCode: '200',
      },
    ],
    PassthroughBehavior: 'NEVER',
    RequestTemplates: { 'application/json': '{"input":"this is the input"}' },
    Type: 'AWS',
    Uri: {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':apigateway:us-east-1:lambda:path/2015-03-31/functions/',
          { 'Fn::GetAtt': ['CustomFnFE03B841', 'Arn'] },
          '/invocations',
        ],
      ],
    },
  },
  MethodResponses: [
    {
      ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      StatusCode: '200',
    },
  ],
};

describe('GET /: the three things a custom integration needs for CORS', () => {
  it("is the article's method, property for property", () => {
    expect(resource('CustomCorsRestApiget57AF1EA7').Properties).toEqual(ARTICLE_GET_METHOD);
  });

  it('1. has a preflight: a MOCK OPTIONS method answering 204 with the three CORS headers', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      ResourceId: { 'Fn::GetAtt': ['CustomCorsRestApi3D2B9919', 'RootResourceId'] },
      Integration: {
        Type: 'MOCK',
        IntegrationResponses: [
          {
            StatusCode: '204',
            ResponseParameters: {
              'method.response.header.Access-Control-Allow-Headers':
                "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
              'method.response.header.Access-Control-Allow-Origin': "'*'",
              'method.response.header.Access-Control-Allow-Methods':
                "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
            },
          },
        ],
      },
    });
  });

  it('2. maps the header on the integration response, as a quoted static value: "\'*\'"', () => {
    const [response] = integrationOf('CustomCorsRestApiget57AF1EA7').IntegrationResponses as Array<
      Record<string, unknown>
    >;

    expect(response?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
  });

  it('3. declares the header on the method response of the same status', () => {
    expect(resource('CustomCorsRestApiget57AF1EA7').Properties?.MethodResponses).toEqual([
      {
        StatusCode: '200',
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      },
    ]);
  });

  it("nests the output in the response template, as the article's template does", () => {
    const [response] = integrationOf('CustomCorsRestApiget57AF1EA7').IntegrationResponses as Array<
      Record<string, Record<string, string>>
    >;
    const flat = JSON.stringify({ message: '$util.parseJson($input.body)', state: 'ok' });

    expect(response?.ResponseTemplates?.['application/json']).toBe(
      '{"message":{"output":"$util.parseJson($input.body)"},"state":"ok"}',
    );
    expect(response?.ResponseTemplates?.['application/json']).not.toBe(flat);
  });

  it('refuses, through PassthroughBehavior NEVER, any request body it has no template for', () => {
    expect(integrationOf('CustomCorsRestApiget57AF1EA7').PassthroughBehavior).toBe('NEVER');
    expect(Object.keys(integrationOf('CustomCorsRestApiget57AF1EA7').RequestTemplates as object)).toEqual([
      'application/json',
    ]);
  });

  it('lets API Gateway invoke CustomFn', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['CustomFnFE03B841', 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
    });
  });
});

describe('declareMethodResponseHeader: false, the mistake AWS refuses to deploy', () => {
  const broken = synthesize({ declareMethodResponseHeader: false });

  it('keeps the mapping on the integration response but drops the declaration', () => {
    const [response] = integrationOf('CustomCorsRestApiget57AF1EA7', broken).IntegrationResponses as Array<
      Record<string, unknown>
    >;

    expect(response?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
    expect(resourceOf(broken, 'CustomCorsRestApiget57AF1EA7').Properties?.MethodResponses).toEqual([
      { StatusCode: '200' },
    ]);
  });
});
