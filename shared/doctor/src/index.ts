/**
 * `cors-doctor`: the browser's CORS verdict for any endpoint, in Chromium's own words, explained — and, for an
 * API Gateway API of a CDK app, the resource behind each CORS header and the CDK change that fixes the call.
 *
 * @module
 */

export type { AnswerProducer, AnswerSource } from './apigw/answer-source.js';
export type { CdkFix } from './apigw/fix-context.js';
export {
  type BrowserRequest,
  browserRequest,
  type CredentialsMode,
  type FetchInput,
  FetchTypeError,
} from './cors/browser-request.js';
export {
  type CorsErrorName,
  type CorsErrorStatus,
  chromiumReason,
  consoleMessage,
  isPreflightError,
} from './cors/cors-error.js';
export {
  type CorsFetchOptions,
  corsFetch,
  type FetchOutcome,
  type FetchStep,
  type PreflightNeed,
} from './cors/cors-fetch.js';
export {
  type Exchange,
  type ExchangeRole,
  NetworkError,
  type Transport,
  type WireRequest,
  type WireResponse,
} from './cors/exchange.js';
export { type HeaderRead, type HeaderReadability, readHeaders } from './cors/exposed-headers.js';
export type { HeaderLine } from './cors/header-lines.js';
export type { DiagnosedApi, DiagnosedExchange } from './diagnose.js';
export { type DiagnoseOptions, type Diagnosis, DOCTOR_USER_AGENT, diagnose } from './diagnose.js';
export { type ExplainExchangesOptions, explainExchanges, type UnknownVerdict } from './explain-exchanges.js';
export { type HttpTransportOptions, httpTransport, MAX_BODY_CHARACTERS } from './http-transport.js';
export { type DoctorJson, fullExplanation, renderReport, toJson } from './render-report.js';
export { type ObservedExchange, ReplayGapError, replayTransport } from './replay-transport.js';
