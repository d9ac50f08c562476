/**
 * Reading what CORS needs from a proxy event of either payload format: the method and request headers.
 *
 * @module
 */

import type {
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventBase,
  APIGatewayProxyEventV2WithRequestContext,
} from 'aws-lambda';

/**
 * A Lambda proxy event in payload format 1.0: REST APIs, and HTTP API integrations set to 1.0. Any authorizer
 * context is accepted.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export type RestProxyEvent = APIGatewayProxyEventBase<unknown>;

/**
 * A Lambda proxy event in payload format 2.0 (HTTP APIs). Any authorizer context is accepted.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export type HttpProxyEvent = APIGatewayProxyEventV2WithRequestContext<APIGatewayEventRequestContextV2>;

/** A Lambda proxy event in either payload format. */
export type ProxyEvent = RestProxyEvent | HttpProxyEvent;

/**
 * The request's HTTP method: `httpMethod` in payload 1.0, `requestContext.http.method` in payload 2.0.
 *
 * @param event - the proxy event.
 */
export function requestMethod(event: ProxyEvent): string {
  return 'httpMethod' in event ? event.httpMethod : event.requestContext.http.method;
}

/**
 * The value of one request header, looked up case-insensitively: REST APIs pass header names in the client's
 * case, HTTP APIs lower-case them. Payload 1.0 events whose `headers` is `null` fall back to
 * `multiValueHeaders`, values joined with `,`.
 *
 * @param event - the proxy event.
 * @param name - the header name, in any case.
 * @returns the value, or `undefined` when the header is absent.
 * @example
 * ```ts
 * requestHeader(event, 'Origin'); // finds `origin`, `Origin` or `ORIGIN`
 * ```
 */
export function requestHeader(event: ProxyEvent, name: string): string | undefined {
  const headers = event.headers as Partial<Record<string, string>> | null | undefined;
  if (headers) return findHeader(headers, name);
  const multiValueHeaders = 'multiValueHeaders' in event ? event.multiValueHeaders : undefined;
  return multiValueHeaders ? findHeader(multiValueHeaders, name)?.join(',') : undefined;
}

function findHeader<T>(headers: Partial<Record<string, T>>, name: string): T | undefined {
  const exact = headers[name];
  if (exact !== undefined) return exact;
  const lowerName = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === lowerName) return headers[key];
  }
  return undefined;
}

/**
 * Whether the event is a CORS preflight: an `OPTIONS` request carrying `Access-Control-Request-Method`. A plain
 * `OPTIONS` request is not one, and goes to the handler.
 *
 * @param event - the proxy event.
 * @see https://developer.mozilla.org/en-US/docs/Glossary/Preflight_request
 * @see https://fetch.spec.whatwg.org/#cors-preflight-request
 */
export function isPreflight(event: ProxyEvent): boolean {
  return (
    requestMethod(event) === 'OPTIONS' && requestHeader(event, 'Access-Control-Request-Method') !== undefined
  );
}
