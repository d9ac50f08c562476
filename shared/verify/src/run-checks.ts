/**
 * Runs a chapter's checks against running APIs, one request after the other in the lesson's order, or all
 * at once when their answers do not depend on that order.
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

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  /**
   * Send every request at once instead of one after the other, for checks whose answers do not depend on the
   * order they are sent in (no shared state, no rate limit counting them): a chapter whose routes wait out
   * an integration timeout then waits once, not once per check. The runs still come back in the lesson's
   * order.
   * @default false
   */
  readonly concurrent?: boolean;
}

/**
 * Sends every check's request, in order (or all at once, see {@link RunChecksOptions.concurrent}), and
 * holds each response against its expectations.
 *
 * @param chapter - the chapter's checks
 * @param urlOf - where each API listens during this run
 * @param options - whether the requests may be sent all at once
 * @returns one {@link CheckRun} per check, in the order of `chapter.checks`
 * @throws Error when an API cannot be reached (a failed expectation is reported in the result instead)
 * @example
 * ```ts
 * const runs = await runChecks(checks, (logicalId) => gateway.urlOf(logicalId));
 * expect(describeFailures(runs)).toEqual([]);
 * ```
 */
export async function runChecks(
  chapter: ChapterChecks,
  urlOf: InvokeUrlOf,
  options: RunChecksOptions = {},
): Promise<CheckRun[]> {
  const [firstApi] = Object.keys(chapter.apis);
  const runOne = async (check: Check): Promise<CheckRun> => {
    const api = check.request.api ?? firstApi!;
    const apiUrl = urlOf(chapter.apis[api]!.logicalId);
    const exchange = await sendRequest(new URL(check.request.path ?? '', apiUrl).href, {
      method: check.request.method,
      ...(check.request.headers === undefined ? {} : { headers: check.request.headers }),
      ...(check.request.body === undefined ? {} : { body: check.request.body }),
    });
    const failures = evaluateResponse(check.expect, exchange.response, requestInLessonTerms(check.request));
    return { check, api, apiUrl, exchange, failures };
  };
  if (options.concurrent === true) return Promise.all(chapter.checks.map(runOne));
  const runs: CheckRun[] = [];
  for (const check of chapter.checks) runs.push(await runOne(check));
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
