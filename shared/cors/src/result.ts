/**
 * Putting CORS headers on a handler's proxy result, in either payload format.
 *
 * @module
 */

import type { APIGatewayProxyResult, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CORS_RESPONSE_HEADER_NAMES, type HeaderMap } from './headers.js';
import { mergeVary } from './vary.js';

/** A structured proxy result: payload 1.0 (`APIGatewayProxyResult`) or 2.0 (`APIGatewayProxyStructuredResultV2`). */
export type ProxyResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2;

type HeaderValue = boolean | number | string;

/**
 * The direct answer to a preflight: `204 No Content`, an empty body, and the policy's preflight headers. It is a
 * valid result in both payload formats.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods/OPTIONS#preflighted_requests_in_cors
 */
export interface PreflightResult {
  /** Always `204`. */
  readonly statusCode: 204;
  /** The preflight headers; none of the `Access-Control-*` ones when the origin is not allowed. */
  readonly headers: HeaderMap;
  /** Always empty. */
  readonly body: '';
}

/**
 * The structured form of a payload 2.0 handler result, inferred the way HTTP APIs do: a result with a
 * `statusCode` is kept as it is; anything else becomes a `200` with `content-type: application/json` whose body
 * is the string itself, or the JSON text of any other value. (For a string, the AWS documentation shows the
 * body without JSON quotes: `"Hello from Lambda!"` becomes `Hello from Lambda!`; that reading is followed here.)
 *
 * @param result - what a payload 2.0 handler returned.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.response
 */
export function toStructuredResult(result: unknown): APIGatewayProxyStructuredResultV2 {
  if (
    typeof result === 'object' &&
    result !== null &&
    (result as { statusCode?: unknown }).statusCode !== undefined
  ) {
    return result as APIGatewayProxyStructuredResultV2;
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: typeof result === 'string' ? result : JSON.stringify(result),
  };
}

/**
 * A copy of `result` carrying the policy's CORS headers. The result is not modified.
 *
 * - Any CORS response header the handler set itself (`Access-Control-*`, in any case, in `headers` or
 *   `multiValueHeaders`) is dropped: the policy is the only source, so no origin outside it is ever echoed.
 * - `Vary` is merged with the handler's own `Vary` values (from `headers` and `multiValueHeaders`) into one
 *   `headers` entry, each name once.
 * - Everything else (status, body, cookies, other headers) is kept.
 *
 * @param result - the handler's structured result.
 * @param corsHeaders - the headers from `CorsHeaderBuilder.actual`.
 * @example
 * ```ts
 * withCorsHeaders({ statusCode: 200, body: '', headers: { Vary: 'Accept-Encoding' } }, { Vary: 'Origin' });
 * // { statusCode: 200, body: '', headers: { Vary: 'Accept-Encoding, Origin' } }
 * ```
 */
export function withCorsHeaders<R extends ProxyResult>(result: R, corsHeaders: HeaderMap): R {
  const corsVary = corsHeaders.Vary;
  const varyValues: string[] = [];
  let varyName = 'Vary';

  const headers: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    const lowerName = name.toLowerCase();
    if (CORS_RESPONSE_HEADER_NAMES.has(lowerName)) continue;
    if (corsVary !== undefined && lowerName === 'vary') {
      varyName = name;
      varyValues.push(String(value));
      continue;
    }
    headers[name] = value;
  }

  let multiValueHeaders: Record<string, HeaderValue[]> | undefined;
  if ('multiValueHeaders' in result && result.multiValueHeaders) {
    multiValueHeaders = {};
    for (const [name, values] of Object.entries(result.multiValueHeaders)) {
      const lowerName = name.toLowerCase();
      if (CORS_RESPONSE_HEADER_NAMES.has(lowerName)) continue;
      if (corsVary !== undefined && lowerName === 'vary') {
        varyValues.push(...values.map(String));
        continue;
      }
      multiValueHeaders[name] = values;
    }
  }

  for (const [name, value] of Object.entries(corsHeaders)) {
    if (name !== 'Vary') headers[name] = value;
  }
  if (corsVary !== undefined) headers[varyName] = mergeVary([...varyValues, corsVary]);

  return multiValueHeaders === undefined ? { ...result, headers } : { ...result, headers, multiValueHeaders };
}
