/**
 * The headers the recorded client (Python `requests`) sent: its defaults, the test's own headers merged
 * over them without regard to case (a test's name replaces the default's spelling in place), then
 * `Content-Length` when there is a body (or the method is not GET/HEAD) and `Content-Type` for a JSON body.
 */
export function requestsHeaders(
  own: ReadonlyArray<readonly [string, string]> = [],
  body?: { readonly method: string; readonly text?: string; readonly json?: boolean },
): Array<readonly [string, string]> {
  const headers: Array<[string, string]> = [
    ['User-Agent', 'python-requests/2.32.3'],
    ['Accept-Encoding', 'gzip, deflate'],
    ['Accept', '*/*'],
    ['Connection', 'keep-alive'],
  ];
  for (const [name, value] of own) {
    const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (at === -1) headers.push([name, value]);
    else headers[at] = [name, value];
  }
  if (body) {
    if (body.text !== undefined) headers.push(['Content-Length', String(Buffer.byteLength(body.text))]);
    else if (body.method !== 'GET' && body.method !== 'HEAD') headers.push(['Content-Length', '0']);
    if (body.json && !headers.some(([n]) => n.toLowerCase() === 'content-type')) {
      headers.push(['Content-Type', 'application/json']);
    }
  }
  return headers;
}

/** `json.dumps` of Python: `", "` and `": "` as separators. */
export function pythonJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
    .join(', ')}}`;
}
