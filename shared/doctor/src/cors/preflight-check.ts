/**
 * The checks a browser makes on the answer to its preflight, in Chromium's order: a redirect is refused, then
 * the CORS check, the status, the parsing of `Access-Control-Allow-Methods` and `-Allow-Headers`, the method
 * and finally the headers.
 *
 * @module
 */
import { checkAccess } from './access-check.js';
import type { CorsErrorStatus } from './cors-error.js';
import { type HeaderLine, headerValue, parseTokenList } from './header-lines.js';
import { SAFELISTED_METHODS } from './safelist.js';

/** How long Chromium keeps a preflight answer without `Access-Control-Max-Age`, in seconds. */
export const DEFAULT_PREFLIGHT_MAX_AGE = 5;

/** The longest Chromium keeps a preflight answer, whatever `Access-Control-Max-Age` says, in seconds. */
export const MAX_PREFLIGHT_MAX_AGE = 7200;

/** What the browser asked its preflight about. */
export interface PreflightQuestion {
  /** `Access-Control-Request-Method`. */
  readonly method: string;
  /** The request headers that need the server's consent, lower case, in the request's order. */
  readonly unsafeHeaders: readonly string[];
  /** The `Origin` the preflight carried. */
  readonly origin: string;
  /** Whether the request's credentials mode is `include`. */
  readonly includeCredentials: boolean;
}

/** The verdict on a preflight answer. */
export interface PreflightVerdict {
  /** The error, when the answer refuses the request. */
  readonly error?: CorsErrorStatus;
  /**
   * Every request header the answer does not allow (Chromium names one of them, picked by the order of its
   * internal hash table; the doctor lists them all).
   */
  readonly refusedHeaders: readonly string[];
  /** Whether `Authorization` passed only thanks to `Access-Control-Allow-Headers: *`, as Chromium allows. */
  readonly authorizationByWildcard: boolean;
  /** How long the browser may reuse this answer, in seconds, when it allows the request. */
  readonly maxAgeSeconds: number;
}

/**
 * Judges a preflight answer.
 *
 * @param status - the answer's status code
 * @param headers - its header lines
 * @param question - what the preflight asked
 * @returns the error, if any, and what the answer allows
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 * @see https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/cors/preflight_result.cc
 */
export function checkPreflight(
  status: number,
  headers: readonly HeaderLine[],
  question: PreflightQuestion,
): PreflightVerdict {
  const refused = (error: CorsErrorStatus, refusedHeaders: readonly string[] = []): PreflightVerdict => ({
    error,
    refusedHeaders,
    authorizationByWildcard: false,
    maxAgeSeconds: 0,
  });
  if (isRedirect(status, headers)) {
    return refused({ corsError: 'PreflightDisallowedRedirect', failedParameter: '' });
  }
  const access = checkAccess(headers, question.origin, question.includeCredentials, true);
  if (access !== undefined) return refused(access);
  if (status < 200 || status > 299) {
    return refused({ corsError: 'PreflightInvalidStatus', failedParameter: '' });
  }
  const methods = parseTokenList(headerValue(headers, 'access-control-allow-methods'));
  if (methods === undefined) {
    return refused({ corsError: 'InvalidAllowMethodsPreflightResponse', failedParameter: '' });
  }
  const allowed = parseTokenList(headerValue(headers, 'access-control-allow-headers'));
  if (allowed === undefined) {
    return refused({ corsError: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' });
  }
  // `*` is a wildcard only without credentials; with them it is the name of a method or header.
  const wildcard = !question.includeCredentials;
  const { method } = question;
  if (!SAFELISTED_METHODS.has(method) && !methods.includes(method) && !(wildcard && methods.includes('*'))) {
    return refused({ corsError: 'MethodDisallowedByPreflightResponse', failedParameter: method });
  }
  const allowedLower = new Set(allowed.map((name) => name.toLowerCase()));
  const anyHeader = wildcard && allowedLower.has('*');
  const refusedHeaders = anyHeader ? [] : question.unsafeHeaders.filter((name) => !allowedLower.has(name));
  const [first] = [...refusedHeaders].sort();
  if (first !== undefined) {
    return refused(
      { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: first },
      refusedHeaders,
    );
  }
  return {
    refusedHeaders: [],
    authorizationByWildcard:
      anyHeader && question.unsafeHeaders.includes('authorization') && !allowedLower.has('authorization'),
    maxAgeSeconds: maxAge(headerValue(headers, 'access-control-max-age')),
  };
}

/**
 * Whether a response is a redirect the browser follows: a 301, 302, 303, 307 or 308 with `Location`. A 300
 * (Multiple Choices) is not followed, even with a `Location`.
 * @see https://fetch.spec.whatwg.org/#redirect-status
 */
export function isRedirect(status: number, headers: readonly HeaderLine[]): boolean {
  return [301, 302, 303, 307, 308].includes(status) && headerValue(headers, 'location') !== undefined;
}

/** Seconds the answer is cached: `Access-Control-Max-Age` capped at two hours, five seconds without it. */
function maxAge(value: string | undefined): number {
  if (value === undefined || !/^-?\d+$/.test(value)) return DEFAULT_PREFLIGHT_MAX_AGE;
  return Math.min(Number(value), MAX_PREFLIGHT_MAX_AGE);
}
