/**
 * What a browser test says when a call does not behave as its lesson predicts: Chromium's own verdict and
 * reason first, then the prediction and every way the run departs from it.
 *
 * @module
 */

import type { LabRun } from './browser-lab.js';
import { checkLabCall } from './check-lab-call.js';
import type { LabCall } from './lab-spec.js';

/** Thrown by {@link expectLabCall} when a call does not behave as its lesson predicts. */
export class LabCallMismatchError extends Error {
  /** Always `LabCallMismatchError`. */
  override readonly name = 'LabCallMismatchError';
}

/**
 * The report of a run that departs from its lesson, or `undefined` when it behaves as predicted: the verdict
 * matches, a blocked call left Chromium's console message (and an allowed one none), and `checkLabCall`
 * finds no mismatch.
 *
 * @param call - the call and its prediction, from `lab.json`
 * @param run - what `lab.run(call)` observed
 * @returns the lines of the report, Chromium's reason on the first, joined with `\n`
 * @example
 * ```ts
 * labCallReport(call, run);
 * // Chromium blocked GET http://127.0.0.1:41234/prod/?lab=k3x9-1: No 'Access-Control-Allow-Origin' header is present on the requested resource.
 * // The lesson predicts (lab.json, call "simple-get"): allowed, status 200.
 * //   - the lesson says the browser allows the call, but it was blocked: …
 * // The gateway saw: GET 200.
 * ```
 */
export function labCallReport(call: LabCall, run: LabRun): string | undefined {
  const { mismatches } = checkLabCall(call, run);
  const problems = [...mismatches];
  if (run.result.verdict === 'blocked' && run.consoleReason === undefined) {
    problems.push('Chromium wrote no CORS message to its console about the blocked call');
  }
  if (problems.length === 0) return undefined;
  const request = `${call.method} ${run.url}`;
  const chromium =
    run.result.verdict === 'blocked'
      ? `Chromium blocked ${request}: ${run.consoleReason ?? run.consoleMessage ?? run.result.error}`
      : `Chromium allowed ${request}: the page read ${run.result.status} ${run.result.body || '(an empty body)'}`;
  const expect = call.expect;
  const prediction = [
    expect.verdict,
    ...(expect.status === undefined ? [] : [`status ${expect.status}`]),
    ...(expect.reason === undefined ? [] : [`because “${expect.reason}”`]),
  ].join(', ');
  const saw = run.exchanges.map((exchange) => `${exchange.request.method} ${exchange.response.status}`);
  return [
    chromium,
    `The lesson predicts (lab.json, call "${call.id}"): ${prediction}.`,
    ...problems.map((problem) => `  - ${problem}`),
    `The gateway saw: ${saw.length === 0 ? 'no request' : saw.join(', ')}.`,
  ].join('\n');
}

/**
 * Fails the test with {@link labCallReport} when a call does not behave as its lesson predicts.
 *
 * @param call - the call and its prediction, from `lab.json`
 * @param run - what `lab.run(call)` observed
 * @throws LabCallMismatchError with the report, Chromium's reason first
 * @example
 * ```ts
 * it.for(spec.calls)('$title', async (call, { lab }) => {
 *   expectLabCall(call, await lab.run(call));
 * });
 * ```
 */
export function expectLabCall(call: LabCall, run: LabRun): void {
  const report = labCallReport(call, run);
  if (report !== undefined) throw new LabCallMismatchError(report);
}
