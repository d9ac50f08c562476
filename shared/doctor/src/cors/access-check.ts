/**
 * The Fetch standard's CORS check of one response — `Access-Control-Allow-Origin`, then, for a credentialed
 * request, `Access-Control-Allow-Credentials` — in the order and with the distinctions Chromium makes.
 *
 * @module
 */
import type { CorsErrorName, CorsErrorStatus } from './cors-error.js';
import { type HeaderLine, headerValue } from './header-lines.js';

/** The errors of the CORS check, by whether the response checked is a preflight's. */
const VARIANTS: Record<string, readonly [CorsErrorName, CorsErrorName]> = {
  missing: ['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader'],
  multiple: ['MultipleAllowOriginValues', 'PreflightMultipleAllowOriginValues'],
  invalid: ['InvalidAllowOriginValue', 'PreflightInvalidAllowOriginValue'],
  mismatch: ['AllowOriginMismatch', 'PreflightAllowOriginMismatch'],
  wildcard: ['WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed'],
  credentials: ['InvalidAllowCredentials', 'PreflightInvalidAllowCredentials'],
};

/**
 * Runs the CORS check on a response.
 *
 * @param headers - the response's header lines
 * @param origin - the request's `Origin` as sent: the page's origin, or `null` after a redirect to another
 *   origin
 * @param includeCredentials - whether the request's credentials mode is `include`
 * @param preflight - whether the response is a preflight's (the error names differ)
 * @returns the error, or `undefined` when the response passes
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 * @see https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/cors/cors.cc
 */
export function checkAccess(
  headers: readonly HeaderLine[],
  origin: string,
  includeCredentials: boolean,
  preflight: boolean,
): CorsErrorStatus | undefined {
  const error = (kind: string, failedParameter = ''): CorsErrorStatus => ({
    corsError: VARIANTS[kind]![preflight ? 1 : 0],
    failedParameter,
  });
  const allowOrigin = headerValue(headers, 'access-control-allow-origin');
  if (allowOrigin === '*') {
    if (includeCredentials) return error('wildcard');
  } else if (allowOrigin === undefined) {
    return error('missing');
  } else if (allowOrigin !== origin) {
    // A list, or two header lines (which Chromium joins with ", "), is never a valid value.
    if (allowOrigin.includes(' ') || allowOrigin.includes(',')) return error('multiple', allowOrigin);
    if (allowOrigin === 'null' || isUrl(allowOrigin)) return error('mismatch', allowOrigin);
    return error('invalid', allowOrigin);
  }
  if (includeCredentials) {
    // Case-sensitive: `True` is refused.
    const allowCredentials = headerValue(headers, 'access-control-allow-credentials');
    if (allowCredentials !== 'true') return error('credentials', allowCredentials ?? '');
  }
  return undefined;
}

/** Whether a value parses as an absolute URL: Chromium tells an invalid value from a mismatching one. */
function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
