/**
 * The wrapper: a higher-order Lambda handler that answers preflights and puts CORS headers on every response.
 *
 * @module
 */

import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { HttpProxyEvent, ProxyEvent, RestProxyEvent } from './event.js';
import { type PreflightResult, type ProxyResult, toStructuredResult } from './result.js';

/**
 * An async payload 1.0 proxy handler (REST API).
 *
 * @typeParam E - the event type, for example one with a Cognito authorizer context.
 */
export type RestProxyHandler<E extends RestProxyEvent = APIGatewayProxyEvent> = (
  event: E,
  context: Context,
) => APIGatewayProxyResult | Promise<APIGatewayProxyResult>;

/**
 * An async payload 2.0 proxy handler (HTTP API). It may return a structured result, a string or any JSON value;
 * the last two are turned into a structured `200` the way HTTP APIs infer it.
 *
 * @typeParam E - the event type, for example one with a JWT authorizer context.
 * @typeParam T - a JSON value the handler may return instead of a structured result. Never inferred (so that
 * an untyped handler is read as payload 1.0); name it: `cors.wrap<APIGatewayProxyEventV2, { state: string }>(…)`.
 */
export type HttpProxyHandler<E extends HttpProxyEvent = APIGatewayProxyEventV2, T = never> = (
  event: E,
  context: Context,
) => APIGatewayProxyResultV2<NoInfer<T>> | Promise<APIGatewayProxyResultV2<NoInfer<T>>>;

/** A payload 1.0 handler after wrapping. */
export type WrappedRestHandler<E extends RestProxyEvent = APIGatewayProxyEvent> = (
  event: E,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/** A payload 2.0 handler after wrapping: its result is always structured. */
export type WrappedHttpHandler<E extends HttpProxyEvent = APIGatewayProxyEventV2> = (
  event: E,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Wraps a proxy handler of either payload format. Type the handler's `event` parameter
 * (`APIGatewayProxyEventV2`, …) to pick the payload 2.0 form; an untyped one is read as payload 1.0.
 */
export interface WrapHandler {
  /** Wraps a payload 1.0 (REST API) handler. */
  <E extends RestProxyEvent = APIGatewayProxyEvent>(handler: RestProxyHandler<E>): WrappedRestHandler<E>;
  /** Wraps a payload 2.0 (HTTP API) handler. */
  <E extends HttpProxyEvent = APIGatewayProxyEventV2, T = never>(
    handler: HttpProxyHandler<E, T>,
  ): WrappedHttpHandler<E>;
}

/** What a wrapped handler needs from a policy: its preflight answer and its response decoration. */
export interface CorsResponder {
  /**
   * The direct answer to a preflight, or `undefined` when the event is not one.
   *
   * @param event - the proxy event.
   */
  preflight(event: ProxyEvent): PreflightResult | undefined;

  /**
   * A copy of a structured result with the policy's CORS headers for this request.
   *
   * @param event - the proxy event the result answers.
   * @param result - the structured result.
   */
  decorate<R extends ProxyResult>(event: ProxyEvent, result: R): R;
}

/**
 * Builds the `wrap` function of a policy: the returned handler answers a preflight itself (the inner handler
 * is not called), and otherwise calls the inner handler and decorates its result.
 *
 * An error thrown by the inner handler is not caught: Lambda reports it, and API Gateway answers with its own
 * error (`502` from a REST API, `500` from an HTTP API) carrying no CORS headers, so the browser reports a CORS
 * failure instead of the error. Return error responses rather than throwing when the page must read them.
 *
 * @param cors - the policy's preflight and decoration.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#preflighted_requests
 */
export function createWrap(cors: CorsResponder): WrapHandler {
  return function wrap(handler: (event: never, context: Context) => unknown) {
    const inner = handler as (event: ProxyEvent, context: Context) => unknown;
    return async function corsHandler(event: ProxyEvent, context: Context): Promise<unknown> {
      const preflight = cors.preflight(event);
      if (preflight !== undefined) return preflight;
      const result = await inner(event, context);
      if (!('httpMethod' in event)) return cors.decorate(event, toStructuredResult(result));
      // Payload 1.0 has no inference: a result that is not an object is left for API Gateway to refuse
      // (502 from a REST API, 500 from an HTTP API).
      return typeof result === 'object' && result !== null
        ? cors.decorate(event, result as ProxyResult)
        : result;
    };
  } as WrapHandler;
}
