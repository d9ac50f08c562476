/**
 * Reduces an exchange to what CORS is about, for a verdict to show.
 *
 * @module
 */
import type { GatewayExchange } from '@cors-workshop/gateway';
import type { RecordedExchange } from '@cors-workshop/verify';
import type { ExchangeSummary } from './verdict.js';

/** Request headers shown for every exchange, besides those a check or a page sets itself. */
const CORS_REQUEST_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];

const BODY_SHOWN = 200;

/**
 * Summarizes an exchange recorded by the gateway (a browser call) or by a request check.
 * @param exchange - the exchange
 * @param ownHeaders - names of the request headers the page or the check set, shown besides the CORS ones
 * @param hiddenQuery - a query parameter left out of the path shown, such as the lab's tag of each call
 * @param responseHeaders - names of response headers shown besides the CORS ones, e.g. those the page must read
 */
export function summarizeExchange(
  exchange: GatewayExchange | RecordedExchange,
  ownHeaders: readonly string[] = [],
  hiddenQuery?: string,
  responseHeaders: readonly string[] = [],
): ExchangeSummary {
  const shownResponse = new Set(responseHeaders.map((name) => name.toLowerCase()));
  const shown = new Set([...CORS_REQUEST_HEADERS, ...ownHeaders.map((name) => name.toLowerCase())]);
  // The gateway records the request target (a path); a request check records the absolute URL.
  const url = new URL(exchange.request.url, 'http://127.0.0.1/');
  if (hiddenQuery !== undefined) url.searchParams.delete(hiddenQuery);
  const body = exchange.response.body;
  return {
    method: exchange.request.method,
    path: `${url.pathname}${url.search}`,
    requestHeaders: exchange.request.headers.filter(([name]) => shown.has(name.toLowerCase())),
    status: exchange.response.status,
    corsHeaders: exchange.response.headers.filter(([name]) => {
      const lower = name.toLowerCase();
      return lower.startsWith('access-control-') || lower === 'vary' || shownResponse.has(lower);
    }),
    body: body.length > BODY_SHOWN ? `${body.slice(0, BODY_SHOWN)}…` : body,
  };
}
