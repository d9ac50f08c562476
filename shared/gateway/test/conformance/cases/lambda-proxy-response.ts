import { ANY, EDGE, type RecordedSource, type RequestCase } from '../conformance-case.js';
import { pythonJson, requestsHeaders } from '../recorded-client.js';

const recorded = (key: string): RecordedSource => ({
  test: 'test_apigateway_lambda.py::test_aws_proxy_response_payload_format_validation',
  key,
  validated: '2024-11-15',
});

/** The response headers AWS recorded for a well-formed result without headers of its own. */
const BASE_HEADERS = [
  'Connection',
  'Content-Length',
  'Content-Type',
  'Date',
  'X-Amzn-Trace-Id',
  'x-amz-apigw-id',
  'x-amzn-RequestId',
  'Via',
  'X-Amz-Cf-Id',
  'X-Amz-Cf-Pop',
  'X-Cache',
];

const INTERNAL_ERROR = { json: { message: 'Internal server error' } } as const;

/** The function returns the JSON it is sent as its result; `requests` sends it with `json=`. */
function resultCase(name: string, key: string, result: unknown, expect: RequestCase['expect']): RequestCase {
  const text = result === undefined ? undefined : pythonJson(result);
  return {
    kind: 'request',
    name,
    source: recorded(key),
    api: 'resultFromBody',
    request: {
      method: 'POST',
      target: '/{stage}/test',
      headers: requestsHeaders([['User-Agent', 'python/test']], {
        method: 'POST',
        text,
        json: text !== undefined,
      }),
      ...(text === undefined ? {} : { body: text }),
    },
    expect,
    unreproduced: EDGE,
  };
}

const base64 = Buffer.from('test-data').toString('base64');

const formatRecorded = (path: string): RecordedSource => ({
  test: 'test_apigateway_lambda.py::test_lambda_aws_proxy_response_format',
  key: `assert: /${path}`,
  validated: '2024-02-23',
});

const formatCase = (name: string, path: string, expect: RequestCase['expect']): RequestCase => ({
  kind: 'request',
  name,
  source: formatRecorded(path),
  api: 'proxyFormat',
  request: {
    method: 'GET',
    target: `/{stage}/${path}`,
    headers: requestsHeaders([['User-Agent', 'python-requests/testing']]),
  },
  expect,
});

export const LAMBDA_PROXY_RESPONSE_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'an AWS_PROXY integration that invokes Lambda with GET answers 500, even with INTEGRATION_FAILURE customised without a status',
    source: {
      test: 'test_apigateway_lambda.py::test_lambda_aws_proxy_integration_non_post_method',
      key: 'invocation-payload-with-get-proxy-method',
      validated: '2024-07-10',
    },
    api: 'proxyGetMethod',
    request: {
      method: 'GET',
      target: '/{stage}/test-path',
      headers: requestsHeaders([['User-Agent', 'python-requests/testing']]),
    },
    expect: { status: 500, body: INTERNAL_ERROR },
  },
  resultCase(
    'a result with only a status code answers an empty body',
    'invoke-api-no-body',
    { statusCode: 200 },
    {
      status: 200,
      body: { text: '' },
    },
  ),
  resultCase(
    'result headers are sent as given, a boolean as "true", after a default Content-Type: application/json',
    'invoke-api-with-headers',
    { statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true } },
    {
      status: 200,
      headerNames: [...BASE_HEADERS, 'header-bool', 'test-header'],
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': '0',
        'test-header': 'value',
        'header-bool': 'true',
        'x-amzn-RequestId': ANY,
        'x-amz-apigw-id': ANY,
        'X-Amzn-Trace-Id': ANY,
      },
      body: { text: '' },
    },
  ),
  resultCase(
    'null headers are accepted',
    'invoke-api-with-headers-null',
    { statusCode: 200, headers: null },
    {
      status: 200,
      headerNames: BASE_HEADERS,
      headers: { 'Content-Type': 'application/json' },
      body: { text: '' },
    },
  ),
  resultCase(
    'a result with a key outside the proxy format answers 502',
    'invoke-api-wrong-format',
    { statusCode: 200, wrongValue: 'value' },
    { status: 502, body: INTERNAL_ERROR },
  ),
  resultCase('a function error answers 502', 'invoke-api-empty-response', undefined, {
    status: 502,
    body: INTERNAL_ERROR,
  }),
  resultCase(
    'a base64 body with isBase64Encoded is sent as text when the API has no binary media types',
    'invoke-api-b64-encoded-true',
    { statusCode: 200, body: base64, isBase64Encoded: true },
    { status: 200, body: { text: base64 } },
  ),
  resultCase(
    'a base64 body without isBase64Encoded is sent as text',
    'invoke-api-b64-encoded-false',
    { statusCode: 200, body: base64 },
    { status: 200, body: { text: base64 } },
  ),
  resultCase(
    'multiValueHeaders values are joined with a comma and a space',
    'invoke-api-multi-headers-valid',
    { statusCode: 200, multiValueHeaders: { 'test-multi': ['value1', 'value2'] } },
    {
      status: 200,
      headerNames: [...BASE_HEADERS, 'test-multi'],
      headers: { 'test-multi': 'value1, value2' },
    },
  ),
  resultCase(
    'a header in both maps is sent once, the multi values first',
    'invoke-api-multi-headers-overwrite',
    {
      statusCode: 200,
      multiValueHeaders: { 'test-multi': ['value-multi'] },
      headers: { 'test-multi': 'value-solo' },
    },
    {
      status: 200,
      headerNames: [...BASE_HEADERS, 'test-multi'],
      headers: { 'test-multi': 'value-multi, value-solo' },
    },
  ),
  {
    ...resultCase(
      'a header in both maps takes the name multiValueHeaders spells',
      'invoke-api-multi-headers-overwrite-casing',
      {
        statusCode: 200,
        multiValueHeaders: { 'tesT-Multi': ['value-multi'] },
        headers: { 'test-multi': 'value-solo' },
      },
      {
        status: 200,
        headerNames: [...BASE_HEADERS, 'tesT-Multi'],
        headers: { 'tesT-Multi': 'value-multi, value-solo' },
      },
    ),
  },
  resultCase(
    'multiValueHeaders whose value is not a list answer 502',
    'invoke-api-multi-headers-invalid',
    { statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } },
    { status: 502, body: INTERNAL_ERROR },
  ),
  resultCase(
    'a status code that is not a number answers 502',
    'invoke-api-invalid-status-code',
    { statusCode: 'test' },
    { status: 502, body: INTERNAL_ERROR },
  ),
  resultCase(
    'a numeric string status code is used',
    'invoke-api-status-code-str',
    { statusCode: '201' },
    {
      status: 201,
      body: { text: '' },
    },
  ),
  resultCase('a result that is a string answers 502', 'invoke-api-just-string', 'justAString', {
    status: 502,
    body: INTERNAL_ERROR,
  }),
  resultCase(
    'a result with headers and no status code answers 200',
    'invoke-api-only-headers',
    { headers: { 'test-header': 'value' } },
    { status: 200, body: { text: '' } },
  ),
  formatCase('a result of only a status code answers 200 with no body', 'no-body', {
    status: 200,
    body: { text: '' },
  }),
  formatCase(
    'a result of a status code and headers answers 200 with the headers and no body',
    'only-headers',
    {
      status: 200,
      headers: { 'test-header': 'value' },
      body: { text: '' },
    },
  ),
  formatCase('an unknown key in the result answers 502 Internal server error', 'wrong-format', {
    status: 502,
    body: INTERNAL_ERROR,
  }),
  formatCase('an empty object as the result answers 200 with no body', 'empty-response', {
    status: 200,
    body: { text: '' },
  }),
];
