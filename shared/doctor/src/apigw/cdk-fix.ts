/**
 * The CDK change that fixes a blocked call to an API Gateway API: a sentence saying what to change where,
 * and the TypeScript to write.
 *
 * @module
 */
import type { BrowserRequest } from '../cors/browser-request.js';
import type { FetchOutcome } from '../cors/cors-fetch.js';
import type { AnswerSource } from './answer-source.js';
import { httpFix } from './http-fix.js';
import type { ApiLocation } from './locate-api.js';
import { restFix } from './rest-fix.js';

/** A change to the CDK app. */
export interface CdkFix {
  /** What to change, and where, in a sentence or two. */
  readonly summary: string;
  /** The CDK code (TypeScript) to write. */
  readonly code: string;
}

/** What a fix is worked out from. */
export interface FixContext {
  /** The outcome of the call. */
  readonly outcome: FetchOutcome;
  /** The request as the browser sent it. */
  readonly request: BrowserRequest;
  /** Where the URL is in the API. */
  readonly location: ApiLocation;
  /** The source of the answer that blocked the call. */
  readonly source: AnswerSource;
}

/**
 * The fix for a blocked call.
 * @param context - the outcome, the request, the API and who produced the blocking answer
 * @returns the fix, or `undefined` when the call is allowed or the doctor knows no CDK change for it
 */
export function cdkFix(context: FixContext): CdkFix | undefined {
  if (context.outcome.verdict === 'allowed' || context.outcome.netError !== undefined) return undefined;
  return context.location.api.kind === 'REST' ? restFix(context, context.location.api) : httpFix(context, context.location.api);
}

/** A logical ID without CDK's hash suffix: the construct's ID, as a reader finds it in the app. */
export function constructName(logicalId: string): string {
  return logicalId.replace(/[0-9A-F]{8}$/, '');
}

/** A JavaScript string literal. */
export function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A JavaScript array of string literals. */
export function list(values: readonly string[]): string {
  return `[${values.map(quote).join(', ')}]`;
}

/** The headers the page needs the server to allow, in `Access-Control-Allow-Headers` spelling. */
export function neededHeaders(context: FixContext): string[] {
  return [...new Set(context.outcome.preflight?.headers ?? [])];
}
