import { lambdaProxyIntegration, restApiTemplate, type TestMethod } from '../../support/rest-template.js';
import type { LoadCase, RecordedSource } from '../conformance-case.js';

const FUNCTION = { MyLambda: { code: 'exports.handler = async () => ({})', functionName: 'MyLambda' } };

const withMethods = (methods: TestMethod[]) => () => restApiTemplate({ methods, functions: FUNCTION });
const withIntegration = (integration: Record<string, unknown>) =>
  withMethods([{ path: '/', httpMethod: 'ANY', integration }]);

/** `arn:aws:apigateway:<region>:<service>:<rest>` for this stack's region. */
const apigatewayArn = (rest: string) => ({
  'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, `:${rest}`]],
});
const MY_LAMBDA_ARN = { 'Fn::GetAtt': ['MyLambda', 'Arn'] };
const joined = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
const lambdaPathUri = (head: string) =>
  joined(
    'arn:aws:apigateway:',
    { Ref: 'AWS::Region' },
    `:${head}/2015-03-31/functions/`,
    MY_LAMBDA_ARN,
    '/invocations',
  );

const proxyUri = (key: string): RecordedSource => ({
  test: 'test_apigateway_lambda.py::test_put_integration_aws_proxy_uri',
  key,
  validated: '2025-03-03',
});
const validation = (key: string): RecordedSource => ({
  test: 'test_apigateway_integrations.py::test_put_integration_validation',
  key,
  validated: '2024-06-06',
});
const proxyResource = (key: string): RecordedSource => ({
  test: 'test_apigateway_api.py::TestApiGatewayApiResource::test_create_proxy_resource_validation',
  key,
  validated: '2024-04-15',
});

const AWS_PROXY_ONLY =
  "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.";
const NO_PATH_OR_ACTION = 'AWS ARN for integration must contain path or action';
const INVALID_ARN = 'Invalid ARN specified in the request';
const NO_METHOD = 'Enumeration value for HttpMethod must be non-empty';

const proxyWith = (Uri: unknown) =>
  withIntegration({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri });
const mock = { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } };

export const LOAD_VALIDATION_CASES: readonly LoadCase[] = [
  {
    kind: 'load',
    name: 'an AWS_PROXY integration whose URI is the function ARN itself is refused: it has no path or action',
    source: proxyUri('put-integration-lambda-uri'),
    template: proxyWith(MY_LAMBDA_ARN),
    error: NO_PATH_OR_ACTION,
  },
  {
    kind: 'load',
    name: 'an integration URI that is not an ARN is refused',
    source: proxyUri('put-integration-wrong-arn'),
    template: proxyWith(joined('bad-arn:lambda:path/2015-03-31/functions/', MY_LAMBDA_ARN, '/invocations')),
    error: INVALID_ARN,
  },
  {
    kind: 'load',
    name: 'an integration URI whose resource is neither path/ nor action/ is refused',
    source: proxyUri('put-integration-wrong-type'),
    template: proxyWith(lambdaPathUri('lambda:test')),
    error: NO_PATH_OR_ACTION,
  },
  {
    kind: 'load',
    name: 'an AWS_PROXY integration of a Firehose path that is no stream invocation is refused',
    source: proxyUri('put-integration-wrong-firehose'),
    template: proxyWith(lambdaPathUri('firehose:path')),
    error: AWS_PROXY_ONLY,
  },
  {
    kind: 'load',
    name: 'an AWS_PROXY integration of a Lambda path that is not a function invocation is refused',
    source: proxyUri('put-integration-bad-lambda-arn'),
    template: proxyWith(
      joined(
        'arn:aws:apigateway:',
        { Ref: 'AWS::Region' },
        ':lambda:path/random/value/',
        MY_LAMBDA_ARN,
        '/invocations',
      ),
    ),
    error: AWS_PROXY_ONLY,
  },
  ...(['AWS', 'HTTP', 'HTTP_PROXY'] as const).map(
    (Type): LoadCase => ({
      kind: 'load',
      name: `an ${Type} integration without IntegrationHttpMethod is refused`,
      source: validation(`required-integration-method-${Type}`),
      template: withIntegration({ Type, Uri: 'http://example.com' }),
      error: NO_METHOD,
    }),
  ),
  {
    kind: 'load',
    name: 'a MOCK integration needs no IntegrationHttpMethod and ignores a URI',
    source: validation('not-required-integration-method-MOCK'),
    template: withIntegration({ ...mock, Uri: 'http://example.com' }),
    error: null,
  },
  ...(['AWS', 'AWS_PROXY'] as const).map(
    (Type): LoadCase => ({
      kind: 'load',
      name: `an ${Type} integration of a Lambda function needs no Credentials`,
      source: validation(`aws-integration-type-${Type}`),
      template: withIntegration({ Type, IntegrationHttpMethod: 'POST', Uri: lambdaPathUri('lambda:path') }),
      error: null,
    }),
  ),
  {
    kind: 'load',
    name: 'an AWS_PROXY integration of an S3 path is refused',
    source: validation('no-s3-support-AWS_PROXY'),
    template: withIntegration({
      Type: 'AWS_PROXY',
      IntegrationHttpMethod: 'POST',
      Credentials: 'arn:aws:iam::123456789012:role/service-role/testfunction-role-oe783psq',
      Uri: apigatewayArn('s3:path/b/k'),
    }),
    error: AWS_PROXY_ONLY,
  },
  {
    kind: 'load',
    name: 'an AWS integration URI that is not an ARN is refused',
    source: validation('invalid-uri-not-an-arn'),
    template: withIntegration({ Type: 'AWS', IntegrationHttpMethod: 'POST', Uri: 'non-valid-arn' }),
    error: INVALID_ARN,
  },
  {
    kind: 'load',
    name: 'an AWS integration URI that is the ARN of something else than a service path or action is refused',
    source: validation('invalid-uri-invalid-arn'),
    template: withIntegration({
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Uri: 'arn:aws:iam::0000000000:role/service-role/asdf',
    }),
    error: NO_PATH_OR_ACTION,
  },
  {
    kind: 'load',
    name: 'an integration type outside the enumeration is refused with the validation message',
    source: {
      test: 'test_apigateway_api.py::TestApigatewayIntegration::test_put_integration_wrong_type',
      key: 'put-integration-wrong-type',
      validated: '2024-04-15',
    },
    template: withIntegration({
      Type: 'HTTPS_PROXY',
      IntegrationHttpMethod: 'POST',
      Uri: 'http://example.com',
    }),
    error:
      "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
  },
  {
    kind: 'load',
    name: 'a second variable path part under one resource is refused',
    source: proxyResource('create-proxy-dynamic-sibling-resource'),
    template: withMethods([
      { path: '/{proxy+}', httpMethod: 'ANY', integration: lambdaProxyIntegration('MyLambda') },
      { path: '/{id}', httpMethod: 'GET', integration: mock },
    ]),
    error: 'A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed',
  },
  {
    kind: 'load',
    name: 'a literal resource under a greedy one is refused',
    source: proxyResource('create-proxy-static-child-resource'),
    template: withMethods([
      { path: '/{proxy+}', httpMethod: 'ANY', integration: lambdaProxyIntegration('MyLambda') },
      { path: '/{proxy+}/child', httpMethod: 'GET', integration: mock },
    ]),
    error: 'Cannot create a child of a resource with a greedy path variable: {proxy+}',
  },
  {
    kind: 'load',
    name: 'a variable resource under a greedy one is refused',
    source: proxyResource('create-proxy-dynamic-child-resource'),
    template: withMethods([
      { path: '/{proxy+}', httpMethod: 'ANY', integration: lambdaProxyIntegration('MyLambda') },
      { path: '/{proxy+}/{child}', httpMethod: 'GET', integration: mock },
    ]),
    error: 'Cannot create a child of a resource with a greedy path variable: {proxy+}',
  },
  {
    kind: 'load',
    name: 'a greedy resource under a literal one is accepted',
    source: proxyResource('create-greedy-child-resource'),
    template: withMethods([
      { path: '/parent/{child+}', httpMethod: 'ANY', integration: lambdaProxyIntegration('MyLambda') },
    ]),
    error: null,
  },
];
