import type { RecordedSource, RequestCase } from '../conformance-case.js';
import { pythonJson, requestsHeaders } from '../recorded-client.js';

const TEST = 'test_apigateway_common.py::TestApiGatewayCommon::test_api_gateway_request_validator';
const recorded = (key: string): RecordedSource => ({ test: TEST, key, validated: '2024-01-10' });

const INVALID_BODY = { status: 400, body: { json: { message: 'Invalid request body' } } } as const;
const missing = (names: string) => ({
  status: 400,
  body: { json: { message: `Missing required request parameters: [${names}]` } },
});

/** A request of the recorded client, with `json=` when `json` is given. */
function send(
  method: string,
  query: string,
  own: Array<[string, string]>,
  json?: unknown,
): RequestCase['request'] {
  const text = json === undefined ? undefined : pythonJson(json);
  return {
    method,
    target: `/{stage}/nested/value${query}`,
    headers: requestsHeaders(own, { method, text, json: text !== undefined }),
    ...(text === undefined ? {} : { body: text }),
  };
}

const HEADER: Array<[string, string]> = [['x-header-param', 'test']];

export const REQUEST_VALIDATION_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'a request with every required parameter and a body the model accepts reaches the integration',
    source: recorded('assert: POST with parameters and {"a": 1, "b": 2} is ok'),
    api: 'validator',
    request: send('POST', '?qs1=test', HEADER, { a: 1, b: 2 }),
    expect: { status: 200, body: { event: { fields: { body: '{"a": 1, "b": 2}' } } } },
  },
  {
    kind: 'request',
    name: 'a GET without a body fails validation of its JSON model',
    source: recorded('assert: GET with parameters and no body is 400 Invalid request body'),
    api: 'validator',
    request: send('GET', '?qs1=test', HEADER),
    expect: INVALID_BODY,
  },
  {
    kind: 'request',
    name: 'a GET with Content-Type application/json and no body fails validation of its JSON model',
    source: recorded('assert: GET with Content-Type application/json and no body is 400'),
    api: 'validator',
    request: send('GET', '?qs1=test', [['Content-Type', 'application/json'], ...HEADER]),
    expect: { status: 400 },
  },
  {
    kind: 'request',
    name: 'missing required parameters are all listed, a path parameter the path lacks included',
    source: recorded('missing-all-required-request-params-post'),
    api: 'validatorIssuer',
    request: send('POST', '', [], { test: 'test' }),
    expect: missing('x-header-param, issuer, qs1'),
  },
  {
    kind: 'request',
    name: 'a missing required header is named',
    source: recorded('missing-required-headers-request-params-get'),
    api: 'validatorIssuer',
    request: send('GET', '?qs1=test', []),
    expect: missing('x-header-param'),
  },
  {
    kind: 'request',
    name: 'a missing required query string parameter is named',
    source: recorded('missing-required-qs-request-params-get'),
    api: 'validatorIssuer',
    request: send('GET', '', HEADER),
    expect: missing('qs1'),
  },
  {
    kind: 'request',
    name: 'a body the model rejects answers 400 Invalid request body',
    source: recorded('invalid-request-body'),
    api: 'validator',
    request: send('POST', '?qs1=test', HEADER, { test: 'test' }),
    expect: INVALID_BODY,
  },
  {
    kind: 'request',
    name: 'a validator that validates neither parameters nor body lets everything through',
    source: recorded('assert: with validation disabled, POST {"test": "test"} is ok'),
    api: 'validatorDisabled',
    request: send('POST', '', [], { test: 'test' }),
    expect: { status: 200 },
  },
];
