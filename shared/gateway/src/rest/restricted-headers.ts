/**
 * Response headers API Gateway does not let an integration or a mapping set under their own name: it
 * sends them as `x-amzn-Remapped-<name>` instead (recorded on AWS by the LocalStack test
 * `test_apigateway_integrations.py::TestApiGatewayHeaderRemapping`, validated 2024-12-11, for static
 * method response mappings of `AWS`, `HTTP` integrations and the headers of `HTTP_PROXY` backends).
 */
const REMAPPED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'connection',
  'content-length',
  'content-md5',
  'date',
  'expect',
  'host',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'trailer',
  'upgrade',
  'user-agent',
  'www-authenticate',
]);

/** Response headers API Gateway drops when an integration or a mapping sets them (recorded as above). */
const DROPPED_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['transfer-encoding']);

/**
 * The name a response header set by an integration or a mapping is sent under: its own, or
 * `x-amzn-Remapped-<name>` for the headers API Gateway reserves.
 * @returns `undefined` for a header API Gateway drops (`Transfer-Encoding`)
 */
export function responseHeaderName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (DROPPED_RESPONSE_HEADERS.has(lower)) return undefined;
  return REMAPPED_RESPONSE_HEADERS.has(lower) ? `x-amzn-Remapped-${name}` : name;
}

/** Applies {@link responseHeaderName} to a list of headers, keeping their order. */
export function remapResponseHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  const sent: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const as = responseHeaderName(name);
    if (as !== undefined) sent.push([as, value]);
  }
  return sent;
}

/**
 * Integration request headers a Lambda integration (`AWS` or `AWS_PROXY`) may not map: API Gateway answers
 * 500 `{"message": "Internal server error"}` when one is mapped (recorded on AWS by the LocalStack test
 * `test_apigateway_integrations.py::TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws`,
 * validated 2024-12-11; `X-Amzn-Trace-Id` is refused for service integrations as well).
 */
export const UNMAPPABLE_LAMBDA_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'connection',
  'content-length',
  'expect',
  'proxy-authenticate',
  'te',
  'transfer-encoding',
  'x-amzn-trace-id',
]);
