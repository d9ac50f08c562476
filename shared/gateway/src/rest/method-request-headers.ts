import type { GatewayRequest } from '../server/gateway-request.js';

/**
 * Request headers API Gateway withholds from the integration: they appear neither in a Lambda proxy event
 * nor in `$input.params()` nor as `method.request.header.X` (recorded on AWS by the LocalStack tests
 * `test_apigateway_integrations.py::TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws`,
 * validated 2024-12-11, and `test_apigateway_lambda.py::test_lambda_aws_proxy_integration`, validated
 * 2024-08-02). `Keep-Alive` is not recorded; it is a hop-by-hop header like `Connection`, so it goes too.
 */
export const WITHHELD_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'keep-alive',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'www-authenticate',
]);

/**
 * Header names API Gateway writes in its own case whatever the client sent (`authorization` arrives as
 * `Authorization`, `user-Agent` as `User-Agent`; recorded by the same tests). Every other name keeps the
 * client's case (`tEsT-HEADeR`).
 */
const CANONICAL_NAMES: ReadonlyMap<string, string> = new Map([
  ['authorization', 'Authorization'],
  ['host', 'Host'],
  ['user-agent', 'User-Agent'],
]);

/** Headers API Gateway sets itself; a client's own values are replaced (`X-Forwarded-For` is appended to). */
const SET_BY_GATEWAY: ReadonlySet<string> = new Set([
  'x-amzn-trace-id',
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
]);

/**
 * The request headers as the integration sees them, in the client's order: withheld headers removed,
 * `Authorization`, `Host` and `User-Agent` in API Gateway's case, then the headers API Gateway adds —
 * `X-Amzn-Trace-Id`, `X-Forwarded-For` (the client's address, after any value the client sent),
 * `X-Forwarded-Port` and `X-Forwarded-Proto` (locally the port of the `Host` header and `http`, where AWS
 * says `443` and `https`).
 * @param traceHeader - this request's `X-Amzn-Trace-Id` (see `propagatedTraceHeader`)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export function methodRequestHeaders(
  request: GatewayRequest,
  traceHeader: string,
): Array<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [];
  const raw = request.rawHeaders;
  let forwardedFor: string | undefined;
  let host: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (WITHHELD_REQUEST_HEADERS.has(lower)) continue;
    if (SET_BY_GATEWAY.has(lower)) {
      if (lower === 'x-forwarded-for') forwardedFor = raw[i + 1];
      continue;
    }
    if (lower === 'host') host = raw[i + 1];
    headers.push([CANONICAL_NAMES.get(lower) ?? name, raw[i + 1]!]);
  }
  const sourceIp = request.sourceIp.replace(/^::ffff:/, '');
  const port = host === undefined ? undefined : /:(\d+)$/.exec(host)?.[1];
  headers.push(
    ['X-Amzn-Trace-Id', traceHeader],
    ['X-Forwarded-For', forwardedFor ? `${forwardedFor}, ${sourceIp}` : sourceIp],
    ['X-Forwarded-Port', port ?? '80'],
    ['X-Forwarded-Proto', 'http'],
  );
  return headers;
}
