/**
 * Runs an exercise's checks against a served chapter: each request check with undici, each browser call in
 * Chromium, and turns every miss into a sentence.
 *
 * @module
 */
import type {
  BrowserLab,
  LabCall,
  LabCheck,
  LabObservation,
  LabSpec,
  ServedGateway,
} from '@cors-workshop/testing';
import { type ChapterChecks, runChecks } from '@cors-workshop/verify';
import { inExerciseTerms } from './exercise-terms.js';
import { summarizeExchange } from './summarize-exchange.js';
import type { CheckResult } from './verdict.js';

/**
 * Runs the request checks, in order. A check whose API is not served (its construct was renamed, say) fails
 * with the gateway's list of served APIs.
 * @param requests - the exercise's `checks.json`
 * @param gateway - the gateway serving the chapter
 */
export async function runRequestChecks(
  requests: ChapterChecks,
  gateway: ServedGateway,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of requests.checks) {
    const result = { kind: 'request', claim: check.claim } as const;
    try {
      const [run] = await runChecks({ ...requests, checks: [check] }, (logicalId) =>
        gateway.urlOf(logicalId),
      );
      const failures = run!.failures.map(inExerciseTerms);
      results.push({
        ...result,
        passed: failures.length === 0,
        failures,
        exchanges: [summarizeExchange(run!.exchange, Object.keys(check.request.headers ?? {}))],
      });
    } catch (error) {
      results.push({ ...result, passed: false, failures: [(error as Error).message], exchanges: [] });
    }
  }
  return results;
}

/**
 * Makes the browser calls, in order, and holds each against its expected verdict.
 * @param lab - the exercise's `lab.json`
 * @param browser - a browser lab on the gateway serving the chapter
 * @param testing - `checkLabCall` and `LAB_TAG_PARAMETER` of `@cors-workshop/testing`
 */
export async function runBrowserChecks(
  lab: LabSpec,
  browser: BrowserLab,
  testing: {
    readonly checkLabCall: (call: LabCall, observation: LabObservation) => LabCheck;
    readonly LAB_TAG_PARAMETER: string;
  },
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const call of lab.calls) {
    const result = { kind: 'browser', claim: call.title } as const;
    try {
      const run = await browser.run(call);
      const failures = testing.checkLabCall(call, run).mismatches.map(inExerciseTerms);
      results.push({
        ...result,
        passed: failures.length === 0,
        failures,
        ...(run.consoleReason === undefined ? {} : { browserReason: run.consoleReason }),
        exchanges: run.exchanges.map((exchange) =>
          summarizeExchange(
            exchange,
            Object.keys(call.headers),
            testing.LAB_TAG_PARAMETER,
            call.expect.readable,
          ),
        ),
      });
    } catch (error) {
      results.push({ ...result, passed: false, failures: [(error as Error).message], exchanges: [] });
    }
  }
  return results;
}
