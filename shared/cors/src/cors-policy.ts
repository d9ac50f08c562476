/**
 * `corsPolicy()`: one validated policy, and everything a handler needs to apply it.
 *
 * @module
 */

import { isPreflight, type ProxyEvent, requestHeader } from './event.js';
import { createCorsHeaderBuilder, type HeaderMap } from './headers.js';
import { type CorsPolicyOptions, type ResolvedCorsPolicy, resolveCorsPolicy } from './policy.js';
import { type PreflightResult, type ProxyResult, withCorsHeaders } from './result.js';
import { type CorsResponder, createWrap, type WrapHandler } from './wrap.js';

/**
 * A CORS policy ready to apply to Lambda proxy handlers of either payload format. Every method is pure: it
 * reads the event and returns new values.
 */
export interface CorsPolicy extends CorsResponder {
  /** The validated policy, defaults filled in. */
  readonly options: ResolvedCorsPolicy;

  /**
   * The CORS headers for an actual (non-preflight) response to `event`, for handlers that build their result
   * themselves. Contains `Vary: Origin` whenever the policy lists origins.
   *
   * @param event - the proxy event.
   * @example
   * ```ts
   * return { statusCode: 200, headers: { ...cors.headersFor(event), 'Content-Type': 'text/plain' }, body: 'ok' };
   * ```
   */
  headersFor(event: ProxyEvent): HeaderMap;

  /**
   * The direct answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`): a `204` with an empty
   * body and the preflight headers (none of the `Access-Control-*` ones for an origin the policy does not
   * allow, so the browser blocks the request). `undefined` when the event is not a preflight.
   *
   * @param event - the proxy event.
   * @example
   * ```ts
   * const preflight = cors.preflight(event);
   * if (preflight) return preflight;
   * ```
   * @see https://developer.mozilla.org/en-US/docs/Glossary/Preflight_request
   */
  preflight(event: ProxyEvent): PreflightResult | undefined;

  /**
   * A copy of `result` with the CORS headers for `event`: the handler's own `Access-Control-*` headers are
   * replaced and its `Vary` is merged with `Origin`.
   *
   * @param event - the proxy event the result answers.
   * @param result - a structured proxy result.
   */
  decorate<R extends ProxyResult>(event: ProxyEvent, result: R): R;

  /**
   * Wraps a handler, middleware style: preflights are answered without calling it, and its results get the
   * CORS headers.
   *
   * @example
   * ```ts
   * export const handler = cors.wrap(async () => ({ statusCode: 200, body: JSON.stringify({ state: 'ok' }) }));
   * ```
   */
  readonly wrap: WrapHandler;
}

/**
 * Creates a CORS policy for Lambda proxy handlers. The options are validated here, once (an invalid policy
 * throws at module load, not at the first request), and every request-independent header value is computed
 * here too.
 *
 * @param options - the policy.
 * @throws Error quoting the bad value, for a policy browsers would reject (see {@link resolveCorsPolicy}).
 * @example
 * ```ts
 * import { corsPolicy } from '@cors-workshop/cors';
 *
 * const cors = corsPolicy({ allowOrigins: ['https://app.example.com'], allowCredentials: true });
 *
 * export const handler = cors.wrap(async () => ({
 *   statusCode: 200,
 *   body: JSON.stringify({ state: 'ok' }),
 * }));
 * ```
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export function corsPolicy(options: CorsPolicyOptions): CorsPolicy {
  const resolved = resolveCorsPolicy(options);
  const build = createCorsHeaderBuilder(resolved);

  function headersFor(event: ProxyEvent): HeaderMap {
    return build.actual(requestHeader(event, 'Origin'));
  }

  function preflight(event: ProxyEvent): PreflightResult | undefined {
    if (!isPreflight(event)) return undefined;
    const origin = requestHeader(event, 'Origin');
    const requestHeaders = requestHeader(event, 'Access-Control-Request-Headers');
    return { statusCode: 204, headers: build.preflight(origin, requestHeaders), body: '' };
  }

  function decorate<R extends ProxyResult>(event: ProxyEvent, result: R): R {
    return withCorsHeaders(result, headersFor(event));
  }

  return Object.freeze({
    options: resolved,
    headersFor,
    preflight,
    decorate,
    wrap: createWrap({ preflight, decorate }),
  });
}
