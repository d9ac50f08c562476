import { UNMAPPABLE_CASES } from '../apis/header-remapping.js';
import { ANY, type RecordedSource, type RequestCase } from '../conformance-case.js';

const recorded = (type: 'AWS' | 'AWS_PROXY', key: string): RecordedSource => ({
  test: `test_apigateway_integrations.py::TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws[${type}]`,
  key,
  validated: '2024-12-11',
});

/** What the recorded client sent (the API is regional: no CloudFront in front). */
const SENT: ReadonlyArray<readonly [string, string]> = [
  ['User-Agent', 'localStack/0.0'],
  ['Accept-Encoding', 'br'],
  ['Accept', 'application/json'],
  ['Connection', 'close'],
  ['Accept-Charset', 'UTF-8'],
  ['Age', 'request_Age'],
  ['Authorization', 'Unauthorized'],
  ['Content-Encoding', 'deflate'],
  ['Content-MD5', 'request_Content-MD5'],
  ['Content-Type', 'application/json'],
  ['Date', 'request_Date'],
  ['Expect', '100-continue'],
  ['Max-Forwards', '2'],
  ['Pragma', 'cache'],
  ['Proxy-Authenticate', 'Basic'],
  ['Range', 'bytes=500-999'],
  ['Referer', 'https://example.com/'],
  ['Server', 'https://example.com/'],
  ['TE', 'deflate'],
  ['Trailer', 'Expires'],
  ['Transfer-Encoding', 'chunked'],
  ['Upgrade', 'HTTP/2.0'],
  ['Via', 'p.example.net'],
  ['Warn', '299 localStack/0.0'],
  ['WWW-Authenticate', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
];

const get = (path: string) => ({ method: 'GET', target: `/{stage}/${path}`, headers: SENT });

const SUCCESS_HEADERS = [
  'Connection',
  'Content-Length',
  'Content-Type',
  'Date',
  'X-Amzn-Trace-Id',
  'x-amz-apigw-id',
  'x-amzn-RequestId',
];

const REFUSED = {
  status: 500,
  headerNames: [
    'Connection',
    'Content-Length',
    'Content-Type',
    'Date',
    'x-amz-apigw-id',
    'x-amzn-ErrorType',
    'x-amzn-RequestId',
  ],
  headers: {
    'Content-Type': 'application/json',
    'Content-Length': '36',
    'x-amzn-ErrorType': 'InternalServerErrorException',
    'X-Amzn-Trace-Id': null,
  },
  body: { text: '{"message": "Internal server error"}' },
} as const;

/** The proxy event's headers AWS recorded for {@link SENT}: the withheld ones are gone. */
const PROXY_EVENT_HEADERS = [
  'Accept',
  'Accept-Charset',
  'Accept-Encoding',
  'Age',
  'Authorization',
  'Content-Encoding',
  'Content-Type',
  'Date',
  'Host',
  'Pragma',
  'Range',
  'Referer',
  'User-Agent',
  'Via',
  'Warn',
  'X-Amzn-Trace-Id',
  'X-Forwarded-For',
  'X-Forwarded-Port',
  'X-Forwarded-Proto',
];

/** `$input.params('X')` for each header the recorded template asked for, as AWS rendered it. */
const PARAMS_RENDERED = {
  Accept: 'application/json',
  'Accept-Charset': 'UTF-8',
  'Accept-Encoding': 'br',
  Age: 'request_Age',
  Authorization: 'Unauthorized',
  Connection: '',
  'Content-Encoding': 'deflate',
  'Content-Length': '',
  'Content-MD5': '',
  'Content-Type': 'application/json',
  Date: ANY,
  Expect: '',
  Host: ANY,
  'Max-Forwards': '',
  Pragma: 'cache',
  'Proxy-Authenticate': '',
  Range: 'bytes=500-999',
  Referer: 'https://example.com/',
  Server: '',
  TE: '',
  'Transfer-Encoding': '',
  Trailer: '',
  Upgrade: '',
  'User-Agent': 'localStack/0.0',
  Via: ANY,
  Warn: '299 localStack/0.0',
  'WWW-Authenticate': '',
};

/** The headers of the response to `/full`, whose method response maps `'response_param_<name>'` to each. */
const REMAPPED_RESPONSE: Record<string, string | typeof ANY> = {
  Accept: 'response_param_Accept',
  'Accept-Charset': 'response_param_Accept-Charset',
  'Accept-Encoding': 'response_param_Accept-Encoding',
  Age: 'response_param_Age',
  Connection: ANY,
  'Content-Encoding': 'response_param_Content-Encoding',
  'Content-Length': ANY,
  'Content-Type': 'response_param_Content-Type',
  Date: ANY,
  Pragma: 'response_param_Pragma',
  Range: 'response_param_Range',
  Referer: 'response_param_Referer',
  TE: 'response_param_TE',
  Via: ANY,
  Warn: 'response_param_Warn',
  'X-Amzn-Trace-Id': ANY,
  'x-amz-apigw-id': ANY,
  'x-amzn-Remapped-Authorization': 'response_param_Authorization',
  'x-amzn-Remapped-Connection': 'response_param_Connection',
  'x-amzn-Remapped-Content-Length': 'response_param_Content-Length',
  'x-amzn-Remapped-Content-MD5': 'response_param_Content-MD5',
  'x-amzn-Remapped-Date': ANY,
  'x-amzn-Remapped-Expect': 'response_param_Expect',
  'x-amzn-Remapped-Host': 'response_param_Host',
  'x-amzn-Remapped-Max-Forwards': 'response_param_Max-Forwards',
  'x-amzn-Remapped-Proxy-Authenticate': 'response_param_Proxy-Authenticate',
  'x-amzn-Remapped-Server': 'response_param_Server',
  'x-amzn-Remapped-Trailer': 'response_param_Trailer',
  'x-amzn-Remapped-Upgrade': 'response_param_Upgrade',
  'x-amzn-Remapped-User-Agent': 'response_param_User-Agent',
  'x-amzn-Remapped-WWW-Authenticate': 'response_param_WWW-Authenticate',
  'x-amzn-RequestId': ANY,
};

const unmappable = (type: 'AWS' | 'AWS_PROXY'): RequestCase[] =>
  Object.entries(UNMAPPABLE_CASES).map(([path, header]) => ({
    kind: 'request',
    name: `a ${type} Lambda integration mapping the request header ${header} answers 500`,
    source: recorded(type, path),
    api: type === 'AWS' ? 'remapAws' : 'remapAwsProxy',
    request: get(path),
    expect: REFUSED,
  }));

export const HEADER_REMAPPING_CASES: readonly RequestCase[] = [
  {
    kind: 'request',
    name: 'an AWS Lambda integration without templates passes an empty JSON object and answers only the headers API Gateway adds',
    source: recorded('AWS', 'no-param-integration'),
    api: 'remapAws',
    request: get('no-param'),
    expect: {
      status: 200,
      headerNames: SUCCESS_HEADERS,
      headers: { 'Content-Type': 'application/json' },
      body: { jsonMatch: { body: '{}' } },
    },
  },
  {
    kind: 'request',
    name: '$input.params() withholds hop-by-hop and reserved request headers, and reserved mapped response headers are sent as x-amzn-Remapped-<name> or dropped',
    source: recorded('AWS', 'full-integration'),
    api: 'remapAws',
    request: get('full'),
    expect: {
      status: 200,
      headerNames: Object.keys(REMAPPED_RESPONSE),
      headers: { ...REMAPPED_RESPONSE, 'Transfer-Encoding': null },
      body: { jsonIn: { field: 'body', match: PARAMS_RENDERED } },
    },
  },
  ...unmappable('AWS'),
  {
    kind: 'request',
    name: 'a Lambda proxy event withholds hop-by-hop and reserved request headers',
    source: recorded('AWS_PROXY', 'no-param-integration'),
    api: 'remapAwsProxy',
    request: get('no-param'),
    expect: {
      status: 200,
      headerNames: SUCCESS_HEADERS,
      body: { event: { fields: { body: null }, headerNames: PROXY_EVENT_HEADERS } },
    },
  },
  {
    kind: 'request',
    name: 'a Lambda proxy integration ignores request and response parameter mappings',
    source: recorded('AWS_PROXY', 'full-integration'),
    api: 'remapAwsProxy',
    request: get('full'),
    expect: {
      status: 200,
      headerNames: SUCCESS_HEADERS,
      headers: { 'Content-Type': 'application/json' },
      body: {
        event: {
          fields: { body: null },
          headerNames: PROXY_EVENT_HEADERS,
          headers: { 'User-Agent': 'localStack/0.0', Accept: 'application/json' },
        },
      },
    },
  },
  ...unmappable('AWS_PROXY'),
];
