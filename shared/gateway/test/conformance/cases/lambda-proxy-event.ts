import { ANY, EDGE, type Recorded, type RecordedSource, type RequestCase } from '../conformance-case.js';
import { requestsHeaders } from '../recorded-client.js';

const recorded = (key: string): RecordedSource => ({
  test: 'test_apigateway_lambda.py::test_lambda_aws_proxy_integration',
  key,
  validated: '2024-08-02',
});

/** The recorded client's headers: `User-Agent` and a mixed-case header kept, `authorization` lower case. */
const headers = requestsHeaders([
  ['User-Agent', 'python-requests/testing'],
  ['tEsT-HEADeR', 'aValUE'],
  ['authorization', 'random-value'],
]);

/** The event's header names AWS recorded (CloudFront's, added in front of an edge API, aside). */
const EVENT_HEADERS = [
  'Accept',
  'Accept-Encoding',
  'Authorization',
  'Host',
  'User-Agent',
  'X-Amzn-Trace-Id',
  'X-Forwarded-For',
  'X-Forwarded-Port',
  'X-Forwarded-Proto',
  'tEsT-HEADeR',
];

const HEADER_VALUES: Record<string, Recorded> = {
  Authorization: 'random-value',
  'User-Agent': 'python-requests/testing',
  'tEsT-HEADeR': 'aValUE',
  'X-Amzn-Trace-Id': ANY,
  Host: ANY,
};

const proxyCase = (
  name: string,
  key: string,
  target: string,
  fields: Record<string, unknown>,
): RequestCase => ({
  kind: 'request',
  name,
  source: recorded(key),
  api: 'proxyEcho',
  request: { method: 'GET', target, headers },
  expect: {
    status: 200,
    body: { event: { fields, headerNames: [...EVENT_HEADERS, ...EDGE.headers], headers: HEADER_VALUES } },
  },
  unreproduced: EDGE,
});

const proxy = (value: string) => ({ proxy: value });

export const LAMBDA_PROXY_EVENT_CASES: readonly RequestCase[] = [
  proxyCase(
    'a Lambda proxy event has the path without the stage, the request context with it, and null for what the request lacks',
    'invocation-payload-without-trailing-slash',
    '/{stage}/proxy-value',
    {
      path: '/proxy-value',
      resource: '/{proxy+}',
      httpMethod: 'GET',
      pathParameters: proxy('proxy-value'),
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
      multiValueHeaders: { Authorization: ['random-value'], 'tEsT-HEADeR': ['aValUE'] },
      requestContext: {
        accountId: ANY,
        apiId: ANY,
        deploymentId: ANY,
        domainName: ANY,
        domainPrefix: ANY,
        extendedRequestId: ANY,
        httpMethod: 'GET',
        identity: {
          accessKey: null,
          accountId: null,
          caller: null,
          cognitoAuthenticationProvider: null,
          cognitoAuthenticationType: null,
          cognitoIdentityId: null,
          cognitoIdentityPoolId: null,
          principalOrgId: null,
          sourceIp: ANY,
          user: null,
          userAgent: 'python-requests/testing',
          userArn: null,
        },
        path: '/stage/proxy-value',
        protocol: 'HTTP/1.1',
        requestId: ANY,
        requestTime: ANY,
        requestTimeEpoch: ANY,
        resourceId: ANY,
        resourcePath: '/{proxy+}',
        stage: 'stage',
      },
    },
  ),
  proxyCase(
    'a trailing slash stays in path and requestContext.path but not in the greedy path parameter',
    'invocation-payload-with-trailing-slash',
    '/{stage}/proxy-value/',
    {
      path: '/proxy-value/',
      pathParameters: proxy('proxy-value'),
      requestContext: { path: '/stage/proxy-value/' },
    },
  ),
  proxyCase(
    'a double slash inside the path stays in path, requestContext.path and the greedy path parameter',
    'invocation-payload-with-double-slash',
    '/{stage}/proxy-value//double-slash',
    {
      path: '/proxy-value//double-slash',
      pathParameters: proxy('proxy-value//double-slash'),
      requestContext: { path: '/stage/proxy-value//double-slash' },
    },
  ),
  proxyCase(
    'a double slash before the stage is collapsed everywhere',
    'invocation-payload-with-prepended-slash-to-stage',
    '//{stage}/proxy-value',
    {
      path: '/proxy-value',
      pathParameters: proxy('proxy-value'),
      requestContext: { path: '/stage/proxy-value' },
    },
  ),
  proxyCase(
    'a double slash right after the stage is collapsed in path but kept in requestContext.path',
    'invocation-payload-with-prepended-slash',
    '/{stage}//proxy-value',
    {
      path: '/proxy-value',
      resource: '/{proxy+}',
      pathParameters: proxy('proxy-value'),
      requestContext: { path: '/stage//proxy-value', resourcePath: '/{proxy+}' },
    },
  ),
  proxyCase(
    'a query string fills both query maps',
    'invocation-payload-without-trailing-slash-and-query-params',
    '/{stage}/proxy-value?urlparam=test',
    {
      path: '/proxy-value',
      queryStringParameters: { urlparam: 'test' },
      multiValueQueryStringParameters: { urlparam: ['test'] },
    },
  ),
  proxyCase(
    'a query string after a trailing slash fills both query maps and keeps the slash in path',
    'invocation-payload-with-trailing-slash-and-query-params',
    '/{stage}/proxy-value/?urlparam=test',
    {
      path: '/proxy-value/',
      pathParameters: proxy('proxy-value'),
      queryStringParameters: { urlparam: 'test' },
      multiValueQueryStringParameters: { urlparam: ['test'] },
    },
  ),
  proxyCase(
    'percent-encodings and plus signs in the path are passed as sent, in path, requestContext.path and the greedy parameter',
    'invocation-payload-with-path-encoded-email',
    '/{stage}/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com',
    {
      path: '/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com',
      pathParameters: proxy('proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com'),
      requestContext: {
        path: '/stage/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com',
      },
    },
  ),
  proxyCase(
    'query values are decoded, a plus sign becoming a space and %2B a plus sign',
    'invocation-payload-with-params-encoding',
    '/{stage}/proxy-value/api?dateTimeOffset=2023-06-12T18:05:10.123456+00:00&email=test%2Balias@gmail.com&plus=test+alias@gmail.com&url=https://www.google.com/&whitespace=foo%20bar&zhash=abort/',
    {
      path: '/proxy-value/api',
      pathParameters: proxy('proxy-value/api'),
      queryStringParameters: {
        dateTimeOffset: '2023-06-12T18:05:10.123456 00:00',
        email: 'test+alias@gmail.com',
        plus: 'test alias@gmail.com',
        url: 'https://www.google.com/',
        whitespace: 'foo bar',
        zhash: 'abort/',
      },
      multiValueQueryStringParameters: {
        dateTimeOffset: ['2023-06-12T18:05:10.123456 00:00'],
        email: ['test+alias@gmail.com'],
        plus: ['test alias@gmail.com'],
        url: ['https://www.google.com/'],
        whitespace: ['foo bar'],
        zhash: ['abort/'],
      },
    },
  ),
  {
    kind: 'request',
    name: 'repeated query names keep every value in the multi-value map and the last in the single one; Content-Length and Connection are withheld and authorization is capitalised',
    source: recorded('invocation-payload-with-params-encoding-multi'),
    api: 'proxyEcho',
    request: {
      method: 'POST',
      target: '/{stage}/proxy-value?category=electronics&category=books&price=10&price=20&price=30',
      headers: requestsHeaders(
        [
          ['Content-Type', 'application/json;charset=utf-8'],
          ['aUThorization', 'Bearer token123;API key456'],
          ['User-Agent', 'python-requests/testing'],
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
            httpMethod: 'POST',
            path: '/proxy-value',
            queryStringParameters: { category: 'books', price: '30' },
            multiValueQueryStringParameters: {
              category: ['electronics', 'books'],
              price: ['10', '20', '30'],
            },
            body: '{"message": "hello world"}',
            isBase64Encoded: false,
          },
          headerNames: [
            'Accept',
            'Accept-Encoding',
            'Authorization',
            'Content-Type',
            'Host',
            'User-Agent',
            'X-Amzn-Trace-Id',
            'X-Forwarded-For',
            'X-Forwarded-Port',
            'X-Forwarded-Proto',
            ...EDGE.headers,
          ],
          headers: {
            Authorization: 'Bearer token123;API key456',
            'Content-Type': 'application/json;charset=utf-8',
            'User-Agent': 'python-requests/testing',
          },
        },
      },
    },
    unreproduced: EDGE,
  },
  proxyCase(
    'a literal resource is found through a double slash after the stage, which requestContext.path keeps',
    'invocation-hardcoded',
    '/{stage}//hardcoded',
    {
      path: '/hardcoded',
      resource: '/hardcoded',
      pathParameters: null,
      requestContext: { path: '/stage//hardcoded', resourcePath: '/hardcoded' },
    },
  ),
];
