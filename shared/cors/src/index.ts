/**
 * CORS for AWS Lambda proxy handlers: one policy, the right headers on every response, preflights answered.
 *
 * Works with REST APIs (payload 1.0, `APIGatewayProxyEvent`) and HTTP APIs (payload 2.0,
 * `APIGatewayProxyEventV2`).
 *
 * @example
 * ```ts
 * import { corsPolicy } from '@cors-workshop/cors';
 *
 * const cors = corsPolicy({ allowOrigins: ['https://app.example.com'] });
 *
 * export const handler = cors.wrap(async () => ({ statusCode: 200, body: JSON.stringify({ state: 'ok' }) }));
 * ```
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 * @module
 */

export { type CorsPolicy, corsPolicy } from './cors-policy.js';
export {
  type HttpProxyEvent,
  isPreflight,
  type ProxyEvent,
  type RestProxyEvent,
  requestHeader,
  requestMethod,
} from './event.js';
export {
  CORS_RESPONSE_HEADER_NAMES,
  type CorsHeaderBuilder,
  createCorsHeaderBuilder,
  type HeaderMap,
} from './headers.js';
export { createOriginMatcher, isSerializedOrigin, type OriginMatcher, serializeOrigin } from './origin.js';
export {
  type CorsPolicyOptions,
  DEFAULT_ALLOW_HEADERS,
  DEFAULT_ALLOW_METHODS,
  type ResolvedCorsPolicy,
  resolveCorsPolicy,
} from './policy.js';
export { type PreflightResult, type ProxyResult, toStructuredResult, withCorsHeaders } from './result.js';
export { mergeVary } from './vary.js';
export {
  type CorsResponder,
  createWrap,
  type HttpProxyHandler,
  type RestProxyHandler,
  type WrapHandler,
  type WrappedHttpHandler,
  type WrappedRestHandler,
} from './wrap.js';
