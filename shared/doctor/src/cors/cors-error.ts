/**
 * Chromium's CORS errors: their names (as the DevTools protocol reports them in `corsErrorStatus.corsError`)
 * and the sentence its console writes for each, after `has been blocked by CORS policy: `.
 *
 * @module
 */

/**
 * The CORS errors the doctor can find, named as Chromium names them.
 * @see https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-CorsError
 */
export type CorsErrorName =
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'WildcardOriginNotAllowed'
  | 'InvalidAllowCredentials'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightInvalidAllowCredentials'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'CorsDisabledScheme';

/** A CORS error and the value it is about, as `Network.loadingFailed`'s `corsErrorStatus` carries them. */
export interface CorsErrorStatus {
  /** The error's name. */
  readonly corsError: CorsErrorName;
  /** The header value, method or header name at fault; `''` when the error names none. */
  readonly failedParameter: string;
}

/**
 * The schemes Chromium's message lists for {@link CorsErrorName} `CorsDisabledScheme`, as Chromium 156 lists
 * them (Chromium 150 lists the same without `chrome-experimental-site-token-provider`).
 */
const CORS_ENABLED_SCHEMES =
  'chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app';

const PREFLIGHT = "Response to preflight request doesn't pass access control check: ";
const VALID_VALUE = ' Have the server send the header with a valid value.';

/** Whether the error is about the preflight rather than the response to the request itself. */
export function isPreflightError(name: CorsErrorName): boolean {
  return name.startsWith('Preflight') || name.endsWith('PreflightResponse');
}

/**
 * The sentence Chromium's console writes for an error, after `has been blocked by CORS policy: `, word for
 * word (Chromium 156).
 *
 * @param status - the error and its parameter
 * @example
 * ```ts
 * chromiumReason({ corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '' });
 * // "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin'
 * //  header is present on the requested resource."
 * ```
 * @see https://source.chromium.org/chromium/chromium/src/+/main:third_party/blink/renderer/platform/loader/cors/cors_error_string.cc
 */
export function chromiumReason(status: CorsErrorStatus): string {
  const { corsError, failedParameter: value } = status;
  const prefix = corsError.startsWith('Preflight') ? PREFLIGHT : '';
  switch (corsError) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return `${prefix}No 'Access-Control-Allow-Origin' header is present on the requested resource.`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `${prefix}The 'Access-Control-Allow-Origin' header contains multiple values '${value}', but only one is allowed.${VALID_VALUE}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `${prefix}The 'Access-Control-Allow-Origin' header contains the invalid value '${value}'.${VALID_VALUE}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `${prefix}The 'Access-Control-Allow-Origin' header has a value '${value}' that is not equal to the supplied origin.${VALID_VALUE}`;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `${prefix}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `${prefix}The value of the 'Access-Control-Allow-Credentials' header in the response is '${value}' which must be 'true' when the request's credentials mode is 'include'.`;
    case 'PreflightInvalidStatus':
      return `${PREFLIGHT}It does not have HTTP ok status.`;
    case 'PreflightDisallowedRedirect':
      return `${PREFLIGHT}Redirect is not allowed for a preflight request.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${value} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${value} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'RedirectContainsCredentials':
      return `Redirect location '${value}' contains a username and password, which is disallowed for cross-origin requests.`;
    case 'CorsDisabledScheme':
      return `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES}.`;
  }
}

/**
 * The whole console line of a blocked `fetch()`, as Chromium writes it.
 * @param reason - the sentence of {@link chromiumReason}
 * @param at - the URL whose response was refused
 * @param initial - the URL the page fetched, when a redirect led from it to `at`
 * @param origin - the page's origin
 * @example
 * ```ts
 * consoleMessage(reason, 'http://127.0.0.1:3100/prod/', 'http://127.0.0.1:3100/prod/', 'http://localhost:5173');
 * // "Access to fetch at 'http://127.0.0.1:3100/prod/' from origin 'http://localhost:5173' has been blocked by CORS policy: …"
 * ```
 */
export function consoleMessage(reason: string, at: string, initial: string, origin: string): string {
  const redirected = at === initial ? '' : `(redirected from '${initial}') `;
  return `Access to fetch at '${at}' ${redirected}from origin '${origin}' has been blocked by CORS policy: ${reason}`;
}
