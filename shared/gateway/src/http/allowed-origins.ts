/**
 * Returns the `Access-Control-Allow-Origin` value for a request's `Origin`, or `undefined` when the origin is
 * not allowed.
 */
export type OriginMatcher = (origin: string) => string | undefined;

/** A compiled `AllowOrigins` list. */
export interface AllowedOrigins {
  readonly match: OriginMatcher;
  /**
   * Entries no browser's `Origin` can ever equal (a path, a trailing `/`, a `*` inside the host such as
   * `https://*.example.com`): AWS stores them, but they let nobody in.
   */
  readonly unmatchable: readonly string[];
}

/**
 * Compiles the `AllowOrigins` of an HTTP API's `CorsConfiguration`, in the forms API Gateway documents:
 *
 * - `*`: every origin; the answer is `*` itself;
 * - `https://*` or `http://*`: every origin of that scheme; the answer echoes the origin;
 * - an origin such as `https://app.example.com`: that origin, compared without regard to case; the answer
 *   echoes the origin as the request sent it.
 *
 * A `*` anywhere else (e.g. `https://*.example.com`) is not a wildcard: the entry is kept as literal text,
 * which no `Origin` equals.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
 * @example
 * ```ts
 * compileAllowedOrigins(['https://*']).match('https://app.example.com'); // 'https://app.example.com'
 * compileAllowedOrigins(['https://*']).match('http://localhost:5173');  // undefined
 * ```
 */
export function compileAllowedOrigins(entries: readonly string[]): AllowedOrigins {
  const exact = new Set<string>();
  const schemes: string[] = [];
  const unmatchable: string[] = [];
  let any = false;
  for (const entry of entries) {
    const lower = entry.toLowerCase();
    if (lower === '*') {
      any = true;
      continue;
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\/\*$/.exec(lower);
    if (scheme) {
      schemes.push(`${scheme[1]}://`);
      continue;
    }
    exact.add(lower);
    if (!isSerializedOrigin(lower)) unmatchable.push(entry);
  }
  if (any) return { match: () => '*', unmatchable };
  const match: OriginMatcher = (origin) => {
    const lower = origin.toLowerCase();
    if (exact.has(lower)) return origin;
    for (const prefix of schemes) if (lower.startsWith(prefix) && lower.length > prefix.length) return origin;
    return undefined;
  };
  return { match, unmatchable };
}

/** Whether `value` could be sent by a browser in `Origin`: `null`, or `scheme://host[:port]` and nothing more. */
function isSerializedOrigin(value: string): boolean {
  if (value === 'null') return true;
  if (value.includes('*')) return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}
