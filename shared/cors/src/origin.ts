/**
 * Origin matching: which origins a policy accepts, and what `Access-Control-Allow-Origin` answers a request.
 *
 * @module
 */

/**
 * The serialized form of `value` as a browser would send it in an `Origin` header (`scheme://host[:port]`,
 * lower-case, default port dropped), or `undefined` when `value` is not an `http:`/`https:` URL at all.
 *
 * Parsing is left to the WHATWG `URL` class, so the answer is the one a browser computes.
 *
 * @param value - a candidate origin, for example `'https://app.example.com/'`.
 * @returns the serialized origin, for example `'https://app.example.com'`.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
 * @see https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
 */
export function serializeOrigin(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin;
}

/**
 * Whether `value` is already a serialized `http:`/`https:` origin: exactly what a browser sends in `Origin`.
 *
 * `https://app.example.com` is one; `https://app.example.com/` (trailing slash), `https://app.example.com/api`
 * (path), `app.example.com` (no scheme), `https://app.example.com:443` (default port) and `null` are not.
 *
 * @param value - the candidate origin.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
 */
export function isSerializedOrigin(value: string): boolean {
  return serializeOrigin(value) === value;
}

/**
 * Answers one request's `Origin` (or its absence) with the `Access-Control-Allow-Origin` value to send, or
 * `undefined` when the header must not be sent.
 */
export type OriginMatcher = (requestOrigin: string | undefined) => string | undefined;

/**
 * Builds the {@link OriginMatcher} for a policy's allowed origins. The list is turned into a `Set` once, so a
 * request costs one lookup.
 *
 * - `'*'`: every request is answered with `*`, whether or not it carries an `Origin`.
 * - a list: the request's `Origin` is echoed when it is in the list, compared exactly as the browser
 *   serialized it; anything else, and a missing `Origin`, gets no answer at all.
 *
 * @param allowOrigins - `'*'`, or serialized origins (already validated by the policy).
 * @example
 * ```ts
 * const match = createOriginMatcher(['https://app.example.com']);
 * match('https://app.example.com'); // 'https://app.example.com'
 * match('https://evil.example');    // undefined
 * ```
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin
 */
export function createOriginMatcher(allowOrigins: '*' | readonly string[]): OriginMatcher {
  if (allowOrigins === '*') {
    return function matchAnyOrigin() {
      return '*';
    };
  }
  const allowed = new Set(allowOrigins);
  return function matchListedOrigin(requestOrigin) {
    return requestOrigin !== undefined && allowed.has(requestOrigin) ? requestOrigin : undefined;
  };
}
