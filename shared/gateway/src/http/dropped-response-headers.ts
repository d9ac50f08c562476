/**
 * Headers a function may not set on an HTTP API's response; they are dropped **[choice: no AWS
 * recording]**: the framing (`Content-Length`, `Transfer-Encoding`, `Trailer`) and the hop-by-hop headers
 * (`Connection`, `Keep-Alive`, `Proxy-Connection`, `TE`, `Upgrade`). The server frames the response itself.
 * (A REST API renames or drops the headers of a proxy result as AWS recorded it: see
 * `src/rest/restricted-headers.ts`.)
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-connection
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
