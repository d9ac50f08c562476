/**
 * `diagnose()`: sends what a browser would send for a `fetch()`, judges every answer as Chromium does, and
 * explains the verdict — with, when the endpoint is an API Gateway API of a known cloud assembly, the
 * resource behind each CORS header and the CDK change that fixes the blocking step.
 *
 * @module
 */
import { type BrowserRequest, browserRequest, type FetchInput } from './cors/browser-request.js';
import type { CorsErrorStatus } from './cors/cors-error.js';
import { corsFetch, type FetchOutcome, type FetchStep } from './cors/cors-fetch.js';
import type { Exchange, Transport } from './cors/exchange.js';
import { explainOutcome } from './cors/explain-outcome.js';
import { httpTransport } from './http-transport.js';

/** The `User-Agent` the doctor sends. */
export const DOCTOR_USER_AGENT = 'cors-doctor/0.1';

/** Options of {@link diagnose}: the `fetch()` to judge, and where to learn about the API. */
export interface DiagnoseOptions extends FetchInput {
  /**
   * Response headers the page reads with `response.headers.get()`; one the browser hides blocks the verdict.
   * @default []
   */
  readonly readHeaders?: readonly string[];
  /**
   * How the exchanges are sent.
   * @default - over the network, with undici (see `httpTransport`)
   */
  readonly transport?: Transport;
}

/** What {@link diagnose} found. */
export interface Diagnosis {
  /** Whether the page gets the answer, and every header it asked for. */
  readonly verdict: 'allowed' | 'blocked';
  /** The step that blocked the call; `null` when it is allowed. */
  readonly step: FetchStep | null;
  /** Chromium's console sentence for a blocked call (after `has been blocked by CORS policy: `), or a summary. */
  readonly reason: string;
  /** The verdict in plain words. */
  readonly explanation: string;
  /** Every exchange, in order. */
  readonly exchanges: readonly Exchange[];
  /** The whole console line Chromium writes, when it writes one. */
  readonly consoleMessage?: string;
  /** Chromium's CORS error, as the DevTools protocol names it. */
  readonly corsError?: CorsErrorStatus;
  /** Everything the CORS logic found. */
  readonly outcome: FetchOutcome;
  /** The request as the browser sends it. */
  readonly request: BrowserRequest;
}

/**
 * Judges a `fetch()` from a page on `origin` as Chromium would, by sending the same requests.
 *
 * @param options - the call: URL, origin, method, headers, body, credentials, headers to read
 * @returns the verdict, the blocking step, Chromium's reason, an explanation and every exchange
 * @throws FetchTypeError when `fetch()` itself would throw (its message is Chromium's)
 * @throws NetworkError when the server cannot be reached
 * @example
 * ```ts
 * const diagnosis = await diagnose({ url: 'http://127.0.0.1:3100/prod/', origin: 'http://localhost:5173', method: 'PUT' });
 * diagnosis.verdict; // 'blocked'
 * diagnosis.reason; // "No 'Access-Control-Allow-Origin' header is present on the requested resource."
 * ```
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export async function diagnose(options: DiagnoseOptions): Promise<Diagnosis> {
  const request = browserRequest(options);
  const outcome = await corsFetch(request, options.transport ?? httpTransport(), {
    readHeaders: options.readHeaders ?? [],
    userAgent: DOCTOR_USER_AGENT,
  });
  return {
    verdict: outcome.verdict,
    step: outcome.step,
    reason: outcome.reason,
    explanation: explainOutcome(outcome, request),
    exchanges: outcome.exchanges,
    ...(outcome.consoleMessage === undefined ? {} : { consoleMessage: outcome.consoleMessage }),
    ...(outcome.corsError === undefined ? {} : { corsError: outcome.corsError }),
    outcome,
    request,
  };
}
