/**
 * The recorded request data mapping of a Lambda proxy integration, which the integration ignores: its event
 * holds the request as it was sent.
 *
 * @module
 */
import { EDGE, type RequestCase } from '../conformance-case.js';
import { requestsHeaders } from '../recorded-client.js';

export const LAMBDA_PROXY_DATA_MAPPING_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'a Lambda proxy integration ignores its request parameters and passes headers with their own names, User-Agent capitalised',
    source: {
      test: 'test_apigateway_lambda.py::test_lambda_aws_proxy_integration_request_data_mapping',
      key: 'http-proxy-invocation-data-mapping',
      validated: '2024-07-22',
    },
    api: 'proxyDataMapping',
    request: {
      method: 'POST',
      target: '/{stage}/foobar?testQueryString=foo&testVar=bar',
      headers: requestsHeaders(
        [
          ['Content-Type', 'application/json'],
          ['Accept', 'application/json'],
          ['foobar', 'mapped-value'],
          ['user-Agent', 'test/integration'],
          ['headerVar', 'request-value'],
        ],
        { method: 'POST', text: '{"message": "hello world"}' },
      ),
      body: '{"message": "hello world"}',
    },
    expect: {
      status: 200,
      body: {
        event: {
          fields: {
            resource: '/{pathVariable}',
            path: '/foobar',
            pathParameters: { pathVariable: 'foobar' },
            queryStringParameters: { testQueryString: 'foo', testVar: 'bar' },
            multiValueQueryStringParameters: { testQueryString: ['foo'], testVar: ['bar'] },
            body: '{"message": "hello world"}',
            requestContext: { path: '/test/foobar' },
          },
          headerNames: [
            'Accept',
            'Accept-Encoding',
            'Content-Type',
            'Host',
            'User-Agent',
            'X-Amzn-Trace-Id',
            'X-Forwarded-For',
            'X-Forwarded-Port',
            'X-Forwarded-Proto',
            'foobar',
            'headerVar',
            ...EDGE.headers,
          ],
          headers: { 'User-Agent': 'test/integration', foobar: 'mapped-value', headerVar: 'request-value' },
        },
      },
    },
    unreproduced: EDGE,
  },
];
