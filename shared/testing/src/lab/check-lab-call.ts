/**
 * Compares what happened to a call with what its lesson predicts.
 *
 * This module imports nothing at run time but its neighbours, so that it runs in Node and, as compiled, in
 * the browser.
 *
 * @module
 */
import { type CorsExplanation, type ExplainedExchange, explainCors } from './explain-cors.js';
import type { LabCall } from './lab-spec.js';
import type { PageCallResult } from './page-call.js';

/** Everything observed about one run of a call. */
export interface LabObservation {
  /** What the page saw. */
  readonly result: PageCallResult;
  /**
   * The reason the browser wrote to its console, after `has been blocked by CORS policy: `; `undefined`
   * when the call was not blocked, or where the console cannot be read (the lab page).
   */
  readonly consoleReason?: string;
  /** The exchanges the gateway saw for the call, in order. */
  readonly exchanges: readonly ExplainedExchange[];
}

/** The outcome of {@link checkLabCall}. */
export interface LabCheck {
  /** The lab's explanation of the verdict, from the exchanges. */
  readonly explanation: CorsExplanation;
  /** Every way the observation departs from the lesson, as sentences; empty when it matches. */
  readonly mismatches: readonly string[];
}

/**
 * Checks one run of a call against the lesson's prediction: the verdict; for an allowed call the status,
 * body and readable headers; for a blocked one the reason; and the requests the gateway received. When the
 * browser's console reason is known, the lab's own explanation must agree with it, so that the lab page,
 * which cannot read the console, shows what the browser says.
 *
 * @param call - the call and its prediction, from `lab.json`
 * @param observation - what the page, the console and the gateway saw
 * @returns the explanation, and the mismatches (none when the lesson holds)
 * @example
 * ```ts
 * const { mismatches } = checkLabCall(call, await lab.run(call));
 * expect(mismatches).toEqual([]);
 * ```
 */
export function checkLabCall(call: LabCall, observation: LabObservation): LabCheck {
  const { result, consoleReason, exchanges } = observation;
  const expected = call.expect;
  const explanation = explainCors({ origin: call.origin, credentials: call.credentials, exchanges });
  const mismatches: string[] = [];

  if (result.verdict !== expected.verdict) {
    const seen =
      result.verdict === 'blocked'
        ? `it was blocked: ${consoleReason ?? explanation.reason}`
        : `it was allowed: the page read ${result.status} ${quoted(result.body)}`;
    mismatches.push(
      `the lesson says the browser ${expected.verdict === 'allowed' ? 'allows' : 'blocks'} the call, but ${seen}`,
    );
  } else if (result.verdict === 'allowed') {
    if (expected.status !== undefined && result.status !== expected.status) {
      mismatches.push(`the page read the status ${result.status}, the lesson says ${expected.status}`);
    }
    if (expected.body !== undefined && result.body !== expected.body) {
      mismatches.push(
        `the page read the body ${quoted(result.body)}, the lesson says ${quoted(expected.body)}`,
      );
    }
    for (const name of expected.readable ?? []) {
      if (result.headers[name] === null || result.headers[name] === undefined) {
        mismatches.push(`the page could not read the response header ${name}`);
      }
    }
  } else if (expected.reason !== undefined) {
    const reason = consoleReason ?? explanation.reason;
    if (!reason.includes(expected.reason)) {
      mismatches.push(
        `the browser's reason is ${quoted(reason)}, the lesson says ${quoted(expected.reason)}`,
      );
    }
  }

  if (expected.gatewaySaw !== undefined) {
    const saw = exchanges.map((exchange) => `${exchange.request.method} ${exchange.response.status}`);
    if (saw.join() !== expected.gatewaySaw.join()) {
      mismatches.push(
        `the gateway saw [${saw.join(', ')}], the lesson says [${expected.gatewaySaw.join(', ')}]`,
      );
    }
  }

  if (explanation.verdict !== result.verdict) {
    mismatches.push(
      `the lab explains the call as ${explanation.verdict} (${explanation.reason}), ` +
        `but it was ${result.verdict}`,
    );
  } else if (consoleReason !== undefined && !consoleReason.includes(explanation.reason)) {
    mismatches.push(
      `the lab explains ${quoted(explanation.reason)}, but the browser says ${quoted(consoleReason)}`,
    );
  }
  return { explanation, mismatches };
}

/** Quotes a text for a mismatch, as it is (no escaping), so that JSON bodies stay readable. */
function quoted(text: string): string {
  return `“${text}”`;
}
