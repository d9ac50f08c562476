/**
 * Holds a response against what a check expects, the way the chapters' `verify.sh` does.
 *
 * @module
 */
import type { ExpectedResponse, HeaderExpectation } from './chapter-checks.js';
import { headerInLessonTerms } from './lesson-terms.js';
import { headerValue, type RecordedResponse } from './recorded-exchange.js';

/**
 * Compares a response with what a check expects, and says in the lesson's terms which part of the claim no
 * longer holds.
 *
 * @param expected - the expected status, headers and body
 * @param response - the response received
 * @param subject - the request as the lesson names it, e.g. `` `GET /` `` (see `requestInLessonTerms`)
 * @default subject 'the request'
 * @returns one sentence per mismatch, quoting both values (empty when the response is as expected)
 * @example
 * ```ts
 * evaluateResponse({ status: 200, headers: { 'access-control-allow-origin': '*' } }, response, '`GET /`');
 * // ["`GET /` now answers 403, where the lesson says 200",
 * //  "`GET /` no longer carries `Access-Control-Allow-Origin` (the lesson shows `Access-Control-Allow-Origin: *`)"]
 * ```
 */
export function evaluateResponse(
  expected: ExpectedResponse,
  response: RecordedResponse,
  subject = 'the request',
): string[] {
  const failures: string[] = [];
  const sentNames = response.headers.map(([name]) => name);
  const named = (name: string) => headerInLessonTerms(name, sentNames);
  if (response.status !== expected.status) {
    failures.push(`${subject} now answers ${response.status}, where the lesson says ${expected.status}`);
  }
  const expectedHeaders = Object.entries(expected.headers ?? {});
  for (const [name, expectation] of expectedHeaders) {
    const failure = evaluateHeader(named(name), expectation, headerValue(response, name), subject);
    if (failure !== undefined) {
      failures.push(failure);
    }
  }
  if (expected.exactCorsHeaders) {
    const allowed = new Set(
      expectedHeaders.filter(([, expectation]) => expectation !== false).map(([name]) => name.toLowerCase()),
    );
    for (const [name, value] of response.headers) {
      if (name.toLowerCase().startsWith('access-control-') && !allowed.has(name.toLowerCase())) {
        failures.push(
          `${subject} now carries \`${named(name)}: ${value}\`, a CORS header the lesson does not show`,
        );
      }
    }
  }
  if (expected.body !== undefined && response.body !== expected.body) {
    failures.push(
      `${subject} now answers the body ${code(response.body)}, where the lesson shows ${code(expected.body)}`,
    );
  }
  return failures;
}

function evaluateHeader(
  name: string,
  expectation: HeaderExpectation,
  actual: string | undefined,
  subject: string,
): string | undefined {
  const sent = `\`${name}: ${actual}\``;
  if (expectation === true) {
    return actual === undefined ? `${subject} no longer carries \`${name}\`` : undefined;
  }
  if (expectation === false) {
    return actual === undefined
      ? undefined
      : `${subject} now carries ${sent}, which the lesson says it does not`;
  }
  if (typeof expectation === 'string') {
    if (actual === expectation) return undefined;
    const shown = `\`${name}: ${expectation}\``;
    return actual === undefined
      ? `${subject} no longer carries \`${name}\` (the lesson shows ${shown})`
      : `${subject} now carries ${sent}, where the lesson shows ${shown}`;
  }
  return actual === expectation.not
    ? `${subject} now carries ${sent}, which the lesson says it never does`
    : undefined;
}

/** A value in backticks, or `(empty)` for the empty body. */
function code(text: string): string {
  return text === '' ? '(an empty body)' : `\`${text}\``;
}
