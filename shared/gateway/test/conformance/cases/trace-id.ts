import { EDGE, type RecordedSource, type RequestCase } from '../conformance-case.js';
import { requestsHeaders } from '../recorded-client.js';

const recorded = (key: string): RecordedSource => ({
  test: 'test_apigateway_common.py::TestApiGatewayCommon::test_invocation_trace_id',
  key,
  validated: '2024-08-07',
});

const FULL_TRACE = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1';
const ROOT_ONLY = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8';

const MOCK_HEADERS = [
  'connection',
  'content-length',
  'content-type',
  'date',
  'x-amz-apigw-id',
  'x-amzn-requestid',
  ...EDGE.headers,
];
const PROXY_HEADERS = [...MOCK_HEADERS, 'x-amzn-trace-id'];

const get = (path: string, trace?: string) => ({
  method: 'GET',
  target: `/{stage}${path}`,
  headers: requestsHeaders(trace ? [['x-amzn-trace-id', trace]] : []),
});

export const TRACE_ID_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'a MOCK integration answers without X-Amzn-Trace-Id',
    source: recorded('normal-req-headers-MOCK'),
    api: 'trace',
    request: get('/path'),
    expect: {
      status: 200,
      headerNames: MOCK_HEADERS,
      headers: { 'content-type': 'application/json', 'x-amzn-trace-id': null },
      body: { json: { statusCode: 200 } },
    },
    unreproduced: EDGE,
  },
  {
    kind: 'request',
    name: 'a MOCK integration answers without X-Amzn-Trace-Id even when the request has one',
    source: recorded('trace-id-req-headers-MOCK'),
    api: 'trace',
    request: get('/path', FULL_TRACE),
    expect: { status: 200, headerNames: MOCK_HEADERS, headers: { 'x-amzn-trace-id': null } },
    unreproduced: EDGE,
  },
  {
    kind: 'request',
    name: 'a Lambda proxy integration answers with a new X-Amzn-Trace-Id when the request has none',
    source: recorded('normal-req-headers-AWS_PROXY'),
    api: 'trace',
    request: get('/proxy-value'),
    expect: { status: 200, headerNames: PROXY_HEADERS, headers: { 'content-type': 'application/json' } },
    unreproduced: EDGE,
  },
  {
    kind: 'request',
    name: 'a full incoming X-Amzn-Trace-Id comes back whole, with its Parent',
    source: recorded('trace-id-req-headers-AWS_PROXY'),
    api: 'trace',
    request: get('/proxy-value', FULL_TRACE),
    expect: {
      status: 200,
      headerNames: PROXY_HEADERS,
      headers: {
        'x-amzn-trace-id': /Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1/,
      },
    },
    unreproduced: EDGE,
  },
  {
    kind: 'request',
    name: 'an incoming X-Amzn-Trace-Id with only a Root comes back with that Root and a new Parent',
    source: recorded('trace-id-small-req-headers-AWS_PROXY'),
    api: 'trace',
    request: get('/proxy-value', ROOT_ONLY),
    expect: {
      status: 200,
      headerNames: PROXY_HEADERS,
      headers: {
        'x-amzn-trace-id':
          /^Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=(?!7fa8c0f79203be72)[0-9a-f]{16}(;|$)/,
      },
    },
    unreproduced: EDGE,
  },
];
