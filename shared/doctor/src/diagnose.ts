/**
 * `diagnose()`: sends what a browser would send for a `fetch()`, judges every answer as Chromium does, and
 * explains the verdict — with, when the endpoint is an API Gateway API of a known cloud assembly, the
 * resource behind each CORS header and the CDK change that fixes the blocking step.
 *
 * @module
 */
import { type AnswerSource, answerSource } from './apigw/answer-source.js';
import { apiContext } from './apigw/api-context.js';
import { cdkFix } from './apigw/cdk-fix.js';
import type { CdkFix } from './apigw/fix-context.js';
import { type BrowserRequest, browserRequest, type FetchInput } from './cors/browser-request.js';
import type { CorsErrorStatus } from './cors/cors-error.js';
import { corsFetch, type FetchOutcome, type FetchStep } from './cors/cors-fetch.js';
import type { Exchange, Transport } from './cors/exchange.js';
import { explainOutcome } from './cors/explain-outcome.js';
import { headerValue } from './cors/header-lines.js';
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
  /**
   * The cloud assembly (`cdk.out`) of the API, to name the resource behind each CORS header and the CDK
   * change that fixes the call; `false` not to look for one.
   * @default - for a URL on a port of `pnpm start`, the chapter of the workspace serving it; else none
   */
  readonly assembly?: string | false;
  /**
   * The API's logical ID (or `stack/logicalId`), when several APIs of the assembly fit the URL.
   * @default - found from the URL
   */
  readonly api?: string;
  /**
   * Where the workspace is looked for, for a local URL without `assembly`.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

/** An exchange, and who in the API produced its answer. */
export interface DiagnosedExchange extends Exchange {
  /** Who produced the answer, when the API is known. */
  readonly producedBy?: AnswerSource;
}

/** The API a diagnosis is about. */
export interface DiagnosedApi {
  /** The stack's name. */
  readonly stack: string;
  /** The API's logical ID. */
  readonly logicalId: string;
  /** `REST` or `HTTP`. */
  readonly kind: 'REST' | 'HTTP';
  /** The stage the URL names. */
  readonly stage: string;
  /** The cloud assembly it was read from. */
  readonly assembly: string;
  /** How the doctor knows it is this API. */
  readonly how: string;
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
  /** Every exchange, in order, with who produced each answer when the API is known. */
  readonly exchanges: readonly DiagnosedExchange[];
  /** The CDK change that fixes a blocked call, when the API is known. */
  readonly fix?: CdkFix;
  /** The API behind the URL, when the doctor found it. */
  readonly api?: DiagnosedApi;
  /** Why the doctor does not know the API, when it does not. */
  readonly apiUnknown?: string;
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
  const explanation = explainOutcome(outcome, request);
  const base = {
    verdict: outcome.verdict,
    step: outcome.step,
    reason: outcome.reason,
    ...(outcome.consoleMessage === undefined ? {} : { consoleMessage: outcome.consoleMessage }),
    ...(outcome.corsError === undefined ? {} : { corsError: outcome.corsError }),
    outcome,
    request,
  };
  if (options.assembly === false || outcome.exchanges.length === 0) {
    return { ...base, explanation, exchanges: outcome.exchanges };
  }
  const context = apiContext({
    url: request.url,
    method: request.method,
    ...(options.assembly === undefined ? {} : { assembly: options.assembly }),
    ...(options.api === undefined ? {} : { api: options.api }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...kindOf(outcome.exchanges),
  });
  if ('unknown' in context) {
    return { ...base, explanation, exchanges: outcome.exchanges, apiUnknown: context.unknown };
  }
  const { location } = context;
  const exchanges = outcome.exchanges.map((exchange) => ({
    ...exchange,
    producedBy: answerSource(location, exchange),
  }));
  const blocking = exchanges.at(-1)!.producedBy;
  const fix = cdkFix({ outcome, request, location, source: blocking });
  const api: DiagnosedApi = {
    stack: location.api.stack,
    logicalId: location.api.logicalId,
    kind: location.api.kind,
    stage: location.stage,
    assembly: context.assembly,
    how: location.how,
  };
  const answered =
    outcome.verdict === 'blocked' ? `\n\nThe answer that decided came from ${blocking.description}.` : '';
  return {
    ...base,
    explanation: explanation + answered,
    exchanges,
    ...(fix === undefined ? {} : { fix }),
    api,
  };
}

/** Whether the answers come from a REST API (`x-amzn-RequestId`) or an HTTP API (`apigw-requestid`). */
function kindOf(exchanges: readonly Exchange[]): { kind?: 'REST' | 'HTTP' } {
  const headers = exchanges[0]?.response.headers ?? [];
  if (headerValue(headers, 'apigw-requestid') !== undefined) return { kind: 'HTTP' };
  if (
    headerValue(headers, 'x-amzn-requestid') !== undefined ||
    headerValue(headers, 'x-amz-apigw-id') !== undefined
  ) {
    return { kind: 'REST' };
  }
  return {};
}
