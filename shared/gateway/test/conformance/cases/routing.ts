import type { RecordedSource, RequestCase } from '../conformance-case.js';
import { requestsHeaders } from '../recorded-client.js';

const recorded = (key: string): RecordedSource => ({
  test: 'test_apigateway_common.py::TestApigatewayRouting::test_routing_not_found',
  key,
  validated: '2024-07-23',
});

const MISSING = {
  status: 403,
  headers: { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' },
  body: { json: { message: 'Missing Authentication Token' } },
} as const;

export const ROUTING_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'an existing route answers through its integration',
    source: recorded('working-route'),
    api: 'routing',
    request: { method: 'GET', target: '/{stage}/existing', headers: requestsHeaders() },
    expect: { status: 200, body: { json: { statusCode: 200, message: 'exists' } } },
  },
  {
    kind: 'request',
    name: 'a path no resource serves answers 403 Missing Authentication Token',
    source: recorded('not-found'),
    api: 'routing',
    request: { method: 'GET', target: '/{stage}/random-non-existing', headers: requestsHeaders() },
    expect: MISSING,
  },
  {
    kind: 'request',
    name: 'a method the resource does not have answers 403 Missing Authentication Token',
    source: recorded('wrong-method'),
    api: 'routing',
    request: {
      method: 'POST',
      target: '/{stage}/existing',
      headers: requestsHeaders([], { method: 'POST' }),
    },
    expect: MISSING,
  },
];
