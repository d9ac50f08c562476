/**
 * What a CDK fix is worked out from, what it is, and the helpers that write its TypeScript.
 *
 * @module
 */
import type { BrowserRequest } from '../cors/browser-request.js';
import type { FetchOutcome } from '../cors/cors-fetch.js';
import type { AnswerSource } from './answer-source.js';
import type { ApiLocation } from './locate-api.js';

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

/** The request headers the preflight must allow, lower case. */
export function neededHeaders(context: FixContext): string[] {
  return [...new Set(context.outcome.preflight?.headers ?? [])];
}

/** The response headers the page asked for and could not read, as named. */
export function hiddenHeaders(context: FixContext): string[] {
  return context.outcome.reads
    .filter((read) => read.value === null && read.sent !== undefined)
    .map((read) => read.name);
}

/** A sentence: its first letter upper case. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
