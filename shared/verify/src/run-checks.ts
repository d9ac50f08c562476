/**
 * Runs a chapter's checks against running APIs, one request after the other, in the lesson's order.
 *
 * @module
 */
import type { ChapterChecks, Check } from './chapter-checks.js';
import { evaluateResponse } from './evaluate-response.js';
import { requestInLessonTerms } from './lesson-terms.js';
import type { RecordedExchange } from './recorded-exchange.js';
import { sendRequest } from './send-request.js';

/**
 * Finds the invoke URL of an API from its logical ID, e.g. the local gateway fixture's `gateway.urlOf`.
 * The URL ends with `/`.
 */
export type InvokeUrlOf = (logicalId: string) => string;

/** The outcome of one check. */
export interface CheckRun {
  /** The check that ran. */
  readonly check: Check;
  /** The key of the API it called, in {@link ChapterChecks.apis}. */
  readonly api: string;
  /** The invoke URL that API had during the run, ending with `/`. */
  readonly apiUrl: string;
  /** The exchange, unmasked. */
  readonly exchange: RecordedExchange;
  /**
   * One sentence per expectation the response missed, in the lesson's terms (`` `GET /` no longer carries
   * `Access-Control-Allow-Origin` ``); empty when the claim holds.
   */
  readonly failures: readonly string[];
}

/**
 * Sends every check's request, in order, and holds each response against its expectations.
 *
 * @param chapter - the chapter's checks
 * @param urlOf - where each API listens during this run
 * @returns one {@link CheckRun} per check, in the order of `chapter.checks`
 * @throws Error when an API cannot be reached (a failed expectation is reported in the result instead)
 * @example
 * ```ts
 * const runs = await runChecks(checks, (logicalId) => gateway.urlOf(logicalId));
 * expect(describeFailures(runs)).toEqual([]);
 * ```
 */
export async function runChecks(chapter: ChapterChecks, urlOf: InvokeUrlOf): Promise<CheckRun[]> {
  const [firstApi] = Object.keys(chapter.apis);
  const runs: CheckRun[] = [];
  for (const check of chapter.checks) {
    const api = check.request.api ?? firstApi!;
    const apiUrl = urlOf(chapter.apis[api]!.logicalId);
    const exchange = await sendRequest(new URL(check.request.path ?? '', apiUrl).href, {
      method: check.request.method,
      ...(check.request.headers === undefined ? {} : { headers: check.request.headers }),
      ...(check.request.body === undefined ? {} : { body: check.request.body }),
    });
    const failures = evaluateResponse(check.expect, exchange.response, requestInLessonTerms(check.request));
    runs.push({ check, api, apiUrl, exchange, failures });
  }
  return runs;
}

/**
 * The claims of the lesson that no longer hold, one line per thing that changed: what the request gets now,
 * in the lesson's terms, and the claim it breaks.
 *
 * @param runs - the result of {@link runChecks}
 * @returns the lines; empty when every claim holds
 * @example
 * ```ts
 * describeFailures(runs);
 * // ["`GET /` no longer carries `Access-Control-Allow-Origin` (the lesson shows
 * //   `Access-Control-Allow-Origin: *`), so the lesson's claim “GET / is readable from any page” no longer holds"]
 * ```
 */
export function describeFailures(runs: readonly CheckRun[]): string[] {
  return runs.flatMap(({ check, failures }) =>
    failures.map((failure) => `${failure}, so the lesson's claim “${check.claim}” no longer holds`),
  );
}
