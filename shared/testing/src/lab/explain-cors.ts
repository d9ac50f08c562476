/**
 * Explains a browser's CORS verdict from the exchanges the gateway saw, in the words Chromium's console
 * uses. A page cannot read why the browser blocked a call (`fetch()` only rejects with a `TypeError`), so
 * the lab page shows this explanation instead; the browser tests check it against Chromium's own message.
 *
 * This module imports nothing at run time, so that it runs in Node and, as compiled, in the browser.
 *
 * @module
 */
import type { GatewayExchange } from '@cors-workshop/gateway';
import type { LabCredentials } from './lab-spec.js';

/** The parts of an exchange the explanation reads. */
export interface ExplainedExchange {
  /** The request: its method and headers (`Origin`, `Access-Control-Request-*`). */
  readonly request: Pick<GatewayExchange['request'], 'method' | 'headers'>;
  /** The answer: its status and headers (`Access-Control-Allow-*`). */
  readonly response: Pick<GatewayExchange['response'], 'status' | 'headers'>;
}

/** What the browser must have decided, and why. */
export interface CorsExplanation {
  /** `unknown` when the exchanges do not settle it, e.g. when the gateway saw no request. */
  readonly verdict: 'allowed' | 'blocked' | 'unknown';
  /** Which answer decided: the preflight's or the actual response's. */
  readonly decidedBy?: 'preflight' | 'response';
  /**
   * Why, as the text Chromium writes after `has been blocked by CORS policy: ` (for `blocked`), or a short
   * account of the checks that passed (for `allowed`).
   */
  readonly reason: string;
}

/** What the explanation needs to know about the call besides its exchanges. */
export interface ExplainCorsInput {
  /** The page's origin, as the browser sends it in `Origin`. */
  readonly origin: string;
  /** The call's `credentials` mode. */
  readonly credentials: LabCredentials;
  /** The exchanges of the call, in the order the gateway saw them. */
  readonly exchanges: readonly ExplainedExchange[];
}

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

/** Methods a preflight never has to allow. */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * Runs the checks of the Fetch standard's CORS protocol, in the order Chromium runs them, over what the
 * gateway saw: the preflight (an `OPTIONS` with `Access-Control-Request-Method`), then the actual response.
 *
 * @param input - the page's origin, the credentials mode and the exchanges
 * @returns the verdict and its reason, in Chromium's words when the call is blocked
 * @example
 * ```ts
 * explainCors({ origin: 'http://localhost:5173', credentials: 'include', exchanges });
 * // { verdict: 'blocked', decidedBy: 'response', reason: "The value of the 'Access-Control-Allow-Origin'
 * //   header in the response must not be the wildcard '*' when the request's credentials mode is 'include'." }
 * ```
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors
 */
export function explainCors(input: ExplainCorsInput): CorsExplanation {
  const include = input.credentials === 'include';
  const preflight = input.exchanges.find(
    (exchange) =>
      exchange.request.method === 'OPTIONS' &&
      headerOf(exchange.request.headers, 'access-control-request-method') !== undefined,
  );
  const actual = input.exchanges.find((exchange) => exchange !== preflight);
  if (preflight === undefined && actual === undefined) {
    return { verdict: 'unknown', reason: 'The gateway saw no request for this call.' };
  }

  if (preflight !== undefined) {
    const headers = preflight.response.headers;
    const access = accessError(headers, input.origin, include);
    if (access !== undefined) return blocked('preflight', PREFLIGHT_PREFIX + access);
    const { status } = preflight.response;
    if (status < 200 || status > 299) {
      return blocked('preflight', `${PREFLIGHT_PREFIX}It does not have HTTP ok status.`);
    }
    const method = headerOf(preflight.request.headers, 'access-control-request-method') ?? '';
    const allowedMethods = listOf(headerOf(headers, 'access-control-allow-methods'));
    const methodAllowed =
      SAFELISTED_METHODS.has(method) ||
      allowedMethods.includes(method) ||
      (!include && allowedMethods.includes('*'));
    if (!methodAllowed) {
      return blocked(
        'preflight',
        `Method ${method} is not allowed by Access-Control-Allow-Methods in preflight response.`,
      );
    }
    const allowedHeaders = listOf(headerOf(headers, 'access-control-allow-headers')).map((name) =>
      name.toLowerCase(),
    );
    const requested = listOf(headerOf(preflight.request.headers, 'access-control-request-headers'));
    const refused = requested
      .map((name) => name.toLowerCase())
      .find(
        (name) =>
          !allowedHeaders.includes(name) &&
          !(!include && allowedHeaders.includes('*') && name !== 'authorization'),
      );
    if (refused !== undefined) {
      return blocked(
        'preflight',
        `Request header field ${refused} is not allowed by Access-Control-Allow-Headers in preflight response.`,
      );
    }
    if (actual === undefined) {
      return {
        verdict: 'unknown',
        decidedBy: 'preflight',
        reason: 'The preflight allowed the call, but the gateway saw no actual request.',
      };
    }
  }

  const response = (actual as ExplainedExchange).response;
  const access = accessError(response.headers, input.origin, include);
  if (access !== undefined) return blocked('response', access);
  const allowOrigin = headerOf(response.headers, 'access-control-allow-origin');
  return {
    verdict: 'allowed',
    decidedBy: 'response',
    reason:
      `${preflight === undefined ? 'No preflight was needed. ' : 'The preflight allowed the method and headers. '}` +
      `The response allows the origin with Access-Control-Allow-Origin: ${allowOrigin}` +
      `${include ? ' and Access-Control-Allow-Credentials: true' : ''}.`,
  };
}

function blocked(decidedBy: 'preflight' | 'response', reason: string): CorsExplanation {
  return { verdict: 'blocked', decidedBy, reason };
}

/**
 * The access check of a response (Fetch standard, "CORS check"): `Access-Control-Allow-Origin`, then, with
 * credentials, `Access-Control-Allow-Credentials`. Returns Chromium's message, or `undefined` when it passes.
 */
function accessError(
  headers: ReadonlyArray<readonly [string, string]>,
  origin: string,
  include: boolean,
): string | undefined {
  const allowOrigin = headerOf(headers, 'access-control-allow-origin');
  if (allowOrigin === undefined) {
    return "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
  }
  if (allowOrigin === '*') {
    if (include) {
      return (
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' " +
        "when the request's credentials mode is 'include'."
      );
    }
    return undefined;
  }
  if (allowOrigin.includes(',')) {
    return `The 'Access-Control-Allow-Origin' header contains multiple values '${allowOrigin}', but only one is allowed.`;
  }
  if (allowOrigin !== origin) {
    return `The 'Access-Control-Allow-Origin' header has a value '${allowOrigin}' that is not equal to the supplied origin.`;
  }
  if (include) {
    const allowCredentials = headerOf(headers, 'access-control-allow-credentials') ?? '';
    if (allowCredentials !== 'true') {
      return (
        `The value of the 'Access-Control-Allow-Credentials' header in the response is '${allowCredentials}' ` +
        "which must be 'true' when the request's credentials mode is 'include'."
      );
    }
  }
  return undefined;
}

/** A header's value, whatever the case of its name; repeated headers are joined as the browser joins them. */
function headerOf(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  const values = headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(', ');
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
