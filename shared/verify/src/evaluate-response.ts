/**
 * Holds a response against what a check expects, the way the chapters' `verify.sh` does.
 *
 * @module
 */
import type { ExpectedResponse, HeaderExpectation } from './chapter-checks.js';
import { headerValue, type RecordedResponse } from './recorded-exchange.js';

/**
 * Compares a response with what a check expects.
 *
 * @param expected - the expected status, headers and body
 * @param response - the response received
 * @returns one sentence per mismatch, quoting both values (empty when the response is as expected)
 * @example
 * ```ts
 * evaluateResponse({ status: 204, headers: { 'access-control-allow-origin': '*' } }, response);
 * // ["status: expected 204, got 200", "access-control-allow-origin: expected '*', got <absent>"]
 * ```
 */
export function evaluateResponse(expected: ExpectedResponse, response: RecordedResponse): string[] {
  const failures: string[] = [];
  if (response.status !== expected.status) {
    failures.push(`status: expected ${expected.status}, got ${response.status}`);
  }
  const expectedHeaders = Object.entries(expected.headers ?? {});
  for (const [name, expectation] of expectedHeaders) {
    const failure = evaluateHeader(name, expectation, headerValue(response, name));
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
        failures.push(`${name}: expected no such header, got '${value}'`);
      }
    }
  }
  if (expected.body !== undefined && response.body !== expected.body) {
    failures.push(`body: expected '${expected.body}', got '${response.body}'`);
  }
  return failures;
}

function evaluateHeader(
  name: string,
  expectation: HeaderExpectation,
  actual: string | undefined,
): string | undefined {
  const got = actual === undefined ? '<absent>' : `'${actual}'`;
  if (expectation === true) {
    return actual === undefined ? `${name}: expected the header, it is absent` : undefined;
  }
  if (expectation === false) {
    return actual === undefined ? undefined : `${name}: expected no such header, got ${got}`;
  }
  if (typeof expectation === 'string') {
    return actual === expectation ? undefined : `${name}: expected '${expectation}', got ${got}`;
  }
  return actual === expectation.not
    ? `${name}: expected anything but '${expectation.not}', got it`
    : undefined;
}
