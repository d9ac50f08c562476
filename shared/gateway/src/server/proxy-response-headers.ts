/**
 * Headers of a proxy integration's response that a REST API does not pass on as they are but renames
 * `x-amzn-Remapped-<Name>`, because they belong to the connection between API Gateway and the backend or
 * are API Gateway's own: `Connection`, `Content-Length`, `Date`, `Server` and `x-amzn-RequestId`, as AWS
 * recorded them for proxy integrations; `Trailer` and `Upgrade` too **[choice]**, as AWS remaps them for
 * non-proxy integrations (the response is framed by `Content-Length`, where neither has a meaning).
 * Keys are lower case; values are the spelling the remapped name takes.
 * @see https://github.com/localstack/localstack/blob/main/tests/aws/services/apigateway/test_apigateway_http.snapshot.json
 */
export const REST_REMAPPED_PROXY_HEADERS: ReadonlyMap<string, string> = new Map([
  ['connection', 'Connection'],
  ['content-length', 'Content-Length'],
  ['date', 'Date'],
  ['server', 'Server'],
  ['trailer', 'Trailer'],
  ['upgrade', 'Upgrade'],
  ['x-amzn-requestid', 'x-amzn-RequestId'],
]);

/**
 * Hop-by-hop headers of a proxy integration's response that a REST API drops: `Transfer-Encoding` (API
 * Gateway frames the response itself), and **[choice]** `Keep-Alive`, `Proxy-Connection` and `TE`, which
 * only describe the connection they came on.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-connection
 */
export const REST_DROPPED_PROXY_HEADERS: ReadonlySet<string> = new Set([
  'transfer-encoding',
  'keep-alive',
  'proxy-connection',
  'te',
]);

/**
 * Headers a function may not set on an HTTP API's response; they are dropped **[choice: no AWS
 * recording]**: the framing (`Content-Length`, `Transfer-Encoding`, `Trailer`) and the hop-by-hop headers
 * (`Connection`, `Keep-Alive`, `Proxy-Connection`, `TE`, `Upgrade`). The server frames the response itself.
 */
export const HTTP_API_DROPPED_PROXY_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'trailer',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'upgrade',
]);

/**
 * The headers a Lambda proxy function returned, as a REST API sends them: the ones of
 * {@link REST_REMAPPED_PROXY_HEADERS} renamed `x-amzn-Remapped-<Name>`, the ones of
 * {@link REST_DROPPED_PROXY_HEADERS} left out, the others kept in order.
 * @example
 * ```ts
 * remapRestProxyHeaders([['Server', 'mine'], ['Transfer-Encoding', 'chunked'], ['X-Mine', '1']]);
 * // [['x-amzn-Remapped-Server', 'mine'], ['X-Mine', '1']]
 * ```
 */
export function remapRestProxyHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const remapped = REST_REMAPPED_PROXY_HEADERS.get(lower);
    if (remapped) out.push([`x-amzn-Remapped-${remapped}`, value]);
    else if (!REST_DROPPED_PROXY_HEADERS.has(lower)) out.push([name, value]);
  }
  return out;
}
