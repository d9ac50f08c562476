/**
 * Header building: the CORS response headers a policy sends for one request, actual or preflight.
 *
 * @module
 */

import { createOriginMatcher } from './origin.js';
import type { ResolvedCorsPolicy } from './policy.js';

/**
 * The CORS response headers (lower-case). The policy owns them: a wrapped handler's own values are replaced.
 *
 * @see https://fetch.spec.whatwg.org/#http-responses
 */
export const CORS_RESPONSE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
]);

/** Response headers, by name. */
export type HeaderMap = Readonly<Record<string, string>>;

/**
 * The headers one policy sends, with everything that does not depend on the request computed once.
 */
export interface CorsHeaderBuilder {
  /**
   * Headers for an actual (non-preflight) response: `Access-Control-Allow-Origin`,
   * `Access-Control-Allow-Credentials` and `Access-Control-Expose-Headers` for an allowed origin, and
   * `Vary: Origin` whenever the policy lists origins.
   *
   * @param origin - the request's `Origin`, or `undefined` when absent.
   */
  actual(origin: string | undefined): HeaderMap;

  /**
   * Headers for a preflight answer: for an allowed origin, `Access-Control-Allow-Origin`,
   * `Access-Control-Allow-Credentials`, `Access-Control-Allow-Methods`, `Access-Control-Allow-Headers` (the
   * requested headers the policy allows) and `Access-Control-Max-Age`; for any other origin none of them. `Vary`
   * names `Origin` (when the policy lists origins) and `Access-Control-Request-Headers` either way.
   *
   * @param origin - the request's `Origin`, or `undefined` when absent.
   * @param requestHeaders - the request's `Access-Control-Request-Headers`, or `undefined` when absent.
   */
  preflight(origin: string | undefined, requestHeaders: string | undefined): HeaderMap;
}

/**
 * Builds the {@link CorsHeaderBuilder} of a resolved policy. Like hono's `cors` middleware, every string that
 * does not depend on the request (methods, exposed headers, max age, `Vary`) is joined here, once.
 *
 * @param policy - a policy from `resolveCorsPolicy`.
 * @example
 * ```ts
 * const build = createCorsHeaderBuilder(resolveCorsPolicy({ allowOrigins: ['https://app.example.com'] }));
 * build.actual('https://app.example.com');
 * // { 'Access-Control-Allow-Origin': 'https://app.example.com', Vary: 'Origin' }
 * ```
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 */
export function createCorsHeaderBuilder(policy: ResolvedCorsPolicy): CorsHeaderBuilder {
  const matchOrigin = createOriginMatcher(policy.allowOrigins);
  // The answer depends on Origin only when origins are listed; then caches must key on it.
  // https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
  const variesByOrigin = policy.allowOrigins !== '*';
  const exposeHeaders = policy.exposeHeaders.length > 0 ? policy.exposeHeaders.join(', ') : undefined;
  const allowMethods = policy.allowMethods.join(', ');
  const maxAge = policy.maxAge === undefined ? undefined : String(policy.maxAge);
  const allowedHeaderNames =
    policy.allowHeaders === '*' ? undefined : new Set(policy.allowHeaders.map((name) => name.toLowerCase()));
  const preflightVary = variesByOrigin
    ? 'Origin, Access-Control-Request-Headers'
    : 'Access-Control-Request-Headers';

  function pickAllowedHeaders(requestHeaders: string | undefined): string | undefined {
    if (requestHeaders === undefined) return undefined;
    const picked = requestHeaders
      .split(',')
      .map((name) => name.trim())
      // A header literally named '*' is never echoed: without credentials it would read as a wildcard.
      .filter((name) => name !== '*' && HTTP_TOKEN.test(name))
      .filter((name) => allowedHeaderNames === undefined || allowedHeaderNames.has(name.toLowerCase()));
    return picked.length > 0 ? picked.join(', ') : undefined;
  }

  return {
    actual(origin) {
      const headers: Record<string, string> = {};
      const allowOrigin = matchOrigin(origin);
      if (allowOrigin !== undefined) {
        // Access-Control-Allow-Origin
        headers['Access-Control-Allow-Origin'] = allowOrigin;
        // Access-Control-Allow-Credentials: only next to an echoed origin (the policy refuses it with '*').
        if (policy.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
        // Access-Control-Expose-Headers
        if (exposeHeaders !== undefined) headers['Access-Control-Expose-Headers'] = exposeHeaders;
      }
      // Vary
      if (variesByOrigin) headers.Vary = 'Origin';
      return headers;
    },

    preflight(origin, requestHeaders) {
      const headers: Record<string, string> = {};
      const allowOrigin = matchOrigin(origin);
      if (allowOrigin !== undefined) {
        // Access-Control-Allow-Origin
        headers['Access-Control-Allow-Origin'] = allowOrigin;
        // Access-Control-Allow-Credentials
        if (policy.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
        // Access-Control-Allow-Methods
        headers['Access-Control-Allow-Methods'] = allowMethods;
        // Access-Control-Allow-Headers: the requested names the policy allows, never a literal '*'.
        const allowHeaders = pickAllowedHeaders(requestHeaders);
        if (allowHeaders !== undefined) headers['Access-Control-Allow-Headers'] = allowHeaders;
        // Access-Control-Max-Age
        if (maxAge !== undefined) headers['Access-Control-Max-Age'] = maxAge;
      }
      // Vary
      headers.Vary = preflightVary;
      return headers;
    },
  };
}

/** An HTTP token (RFC 9110 §5.6.2): the grammar of a header name. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
