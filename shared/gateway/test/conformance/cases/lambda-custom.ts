import { ANY, type RecordedSource, type RequestCase } from '../conformance-case.js';
import { pythonJson, requestsHeaders } from '../recorded-client.js';

const lambda = (test: string, key: string, validated: string): RecordedSource => ({
  test: `test_apigateway_lambda.py::${test}`,
  key,
  validated,
});

const post = (target: string, json: unknown, extra: Array<[string, string]> = []) => {
  const text = pythonJson(json);
  return {
    method: 'POST',
    target,
    headers: requestsHeaders(extra, { method: 'POST', text, json: true }),
    body: text,
  };
};

const get = (target: string) => ({ method: 'GET', target, headers: requestsHeaders() });

const errorBody = (message: string) => ({
  jsonMatch: { errorMessage: message, errorType: 'Exception', requestId: ANY, stackTrace: ANY },
});

export const LAMBDA_CUSTOM_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'an AWS Lambda integration without templates passes the JSON body as the event and answers the result',
    source: lambda('test_lambda_aws_integration', 'lambda-aws-integration', '2023-05-31'),
    api: 'lambdaAws',
    request: post('/{stage}/test', { message: 'hello world' }),
    expect: {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: { json: { message: 'hello world' } },
    },
  },
  {
    kind: 'request',
    name: "a request template's $input.params('name') reads the query string",
    source: lambda(
      'test_lambda_aws_integration_with_request_template',
      'lambda-aws-integration-1',
      '2023-05-31',
    ),
    api: 'lambdaAwsRequestTemplate',
    request: get('/{stage}/test?param1=foobar'),
    expect: { status: 200, body: { json: { param1: 'foobar' } } },
  },
  {
    kind: 'request',
    name: 'a query parameter named Signature is passed like any other',
    source: lambda(
      'test_lambda_aws_integration_with_request_template',
      'lambda-aws-integration-2',
      '2023-05-31',
    ),
    api: 'lambdaAwsRequestTemplate',
    request: get('/{stage}/test?param1=foobar&Signature=1'),
    expect: { status: 200, body: { json: { param1: 'foobar' } } },
  },
  {
    kind: 'request',
    name: 'a response template sets the status through $context.responseOverride.status',
    source: lambda(
      'test_lambda_aws_integration_response_with_mapping_templates',
      'response-template-202',
      '2023-09-17',
    ),
    api: 'lambdaAwsResponseOverride',
    request: post('/{stage}/test', { httpStatus: '200' }, [['Content-Type', 'application/json']]),
    expect: { status: 202, body: { json: { body: 'noerror', statusCode: 200 } } },
  },
  {
    kind: 'request',
    name: 'a response template chooses the overridden status from the result',
    source: lambda(
      'test_lambda_aws_integration_response_with_mapping_templates',
      'response-template-400',
      '2023-09-17',
    ),
    api: 'lambdaAwsResponseOverride',
    request: post('/{stage}/test', { httpStatus: '400', errorMessage: 'Test Bad request' }, [
      ['Content-Type', 'application/json'],
    ]),
    expect: { status: 400, body: { json: { body: 'customerror', statusCode: 200 } } },
  },
  {
    kind: 'request',
    name: 'a successful Lambda result selects the default integration response, not one whose pattern matches its status',
    source: lambda('test_lambda_selection_patterns', 'lambda-selection-pattern-200', '2025-05-05'),
    api: 'selectionPatterns',
    request: get('/{stage}/200'),
    expect: { status: 200, body: { json: 'Pass' } },
  },
  {
    kind: 'request',
    name: "a function error selects the integration response whose pattern fully matches the error message, with Lambda's error as the body",
    source: lambda('test_lambda_selection_patterns', 'lambda-selection-pattern-400', '2025-05-05'),
    api: 'selectionPatterns',
    request: get('/{stage}/400'),
    expect: { status: 405, body: errorBody('Error: Raising four hundred from within the Lambda function') },
  },
  {
    kind: 'request',
    name: 'a function error no other pattern matches selects the catch-all pattern',
    source: lambda('test_lambda_selection_patterns', 'lambda-selection-pattern-500', '2025-05-05'),
    api: 'selectionPatterns',
    request: get('/{stage}/500'),
    expect: { status: 502, body: errorBody('Error: Raising five hundred from within the Lambda function') },
  },
  {
    kind: 'request',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax
    name: 'a function named through ${stageVariables.name} is the one the stage names, and $stageVariables reads the stage',
    source: {
      test: 'test_apigateway_basic.py::TestAPIGateway::test_apigw_stage_variables[dev]',
      key: 'assert: response == {"version": "1.0"}',
      validated: '2024-07-12',
    },
    api: 'stageVariablesDev',
    request: post('/{stage}/test', { test: 'test' }),
    expect: { status: 200, body: { json: { version: '1.0' } } },
  },
  {
    kind: 'request',
    name: 'a stage variable the stage does not define renders empty',
    source: {
      test: 'test_apigateway_basic.py::TestAPIGateway::test_apigw_stage_variables[local]',
      key: 'assert: response == {"version": ""}',
      validated: '2024-07-12',
    },
    api: 'stageVariablesLocal',
    request: post('/{stage}/test', { test: 'test' }),
    expect: { status: 200, body: { json: { version: '' } } },
  },
  {
    kind: 'request',
    name: 'X-Amz-Invocation-Type Event invokes the function asynchronously and answers an empty body',
    source: {
      test: 'test_apigateway_basic.py::TestAPIGateway::test_api_gateway_lambda_asynchronous_invocation',
      key: 'assert: status 200, content b""',
      validated: '2024-05-29',
    },
    api: 'asyncLambda',
    request: get('/{stage}/wait/3'),
    expect: { status: 200, body: { text: '' } },
  },
];
