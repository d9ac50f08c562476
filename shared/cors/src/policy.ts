/**
 * The CORS policy: its options, their defaults, and the validation that refuses a policy browsers would reject.
 *
 * @module
 */

import { isSerializedOrigin, serializeOrigin } from './origin.js';

/**
 * The methods allowed by default: every method a browser preflights, plus the safelisted ones.
 *
 * `OPTIONS` is not listed: a preflight is never preflighted itself.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Methods
 */
export const DEFAULT_ALLOW_METHODS: readonly string[] = Object.freeze([
  'GET',
  'HEAD',
  'PUT',
  'PATCH',
  'POST',
  'DELETE',
]);

/**
 * The request headers allowed by default: the same list as aws-cdk's `Cors.DEFAULT_HEADERS`, so a handler
 * behind a CDK-generated preflight and one using this package accept the same requests.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Headers
 * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_apigateway.Cors.html
 */
export const DEFAULT_ALLOW_HEADERS: readonly string[] = Object.freeze([
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
  'X-Amz-User-Agent',
]);

/**
 * One CORS policy for a Lambda proxy handler: who may read its responses, and with what.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export interface CorsPolicyOptions {
  /**
   * The origins allowed to read responses: `'*'` for any origin, or a list of exact serialized origins
   * (`scheme://host[:port]`, as a browser sends them in `Origin`: no path, no trailing slash, no default port).
   *
   * With a list, an allowed `Origin` is echoed back and every answer carries `Vary: Origin`; any other origin
   * gets no `Access-Control-Allow-Origin`. `'*'` cannot be mixed with explicit origins (`['*']` alone means `'*'`).
   *
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin
   */
  readonly allowOrigins: '*' | readonly string[];

  /**
   * The methods a preflight allows, sent as `Access-Control-Allow-Methods`. Methods are case-sensitive: browsers
   * upper-case `DELETE`, `GET`, `HEAD`, `OPTIONS`, `POST` and `PUT`, but send `PATCH` exactly as the page wrote it.
   *
   * `'*'` is not accepted: browsers read it as a wildcard only for requests without credentials.
   *
   * @default DEFAULT_ALLOW_METHODS (`GET, HEAD, PUT, PATCH, POST, DELETE`)
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Methods
   */
  readonly allowMethods?: readonly string[];

  /**
   * The request headers a preflight allows. A preflight is answered with the requested headers
   * (`Access-Control-Request-Headers`) that this list allows, compared case-insensitively; a requested header
   * outside the list is left out, so the browser blocks the request.
   *
   * `'*'` allows any request header. The answer then echoes the requested headers rather than a literal `*`:
   * the Fetch standard reads `*` as a wildcard only for requests without credentials, and even then it never
   * covers `Authorization`; an echo works in both cases.
   *
   * @default DEFAULT_ALLOW_HEADERS (`Content-Type, X-Amz-Date, Authorization, X-Api-Key, X-Amz-Security-Token,
   * X-Amz-User-Agent`)
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Headers
   */
  readonly allowHeaders?: '*' | readonly string[];

  /**
   * Response headers, beyond the CORS-safelisted ones, that page scripts may read; sent as
   * `Access-Control-Expose-Headers` on actual (non-preflight) responses to an allowed origin.
   *
   * `'*'` is not accepted: browsers read it as a wildcard only for requests without credentials.
   *
   * @default [] (the header is not sent)
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers
   */
  readonly exposeHeaders?: readonly string[];

  /**
   * Whether credentialed requests (cookies, HTTP authentication, `fetch(…, { credentials: 'include' })`) may
   * read responses; sends `Access-Control-Allow-Credentials: true` next to an echoed origin.
   *
   * Refused together with `allowOrigins: '*'`, because browsers reject a credentialed response whose
   * `Access-Control-Allow-Origin` is `*`.
   *
   * @default false
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Credentials
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSNotSupportingCredentials
   */
  readonly allowCredentials?: boolean;

  /**
   * How long, in whole seconds, a browser may cache a preflight answer; sent as `Access-Control-Max-Age`.
   * Browsers cap it (Chromium at 7200, Firefox at 86400).
   *
   * @default undefined (the header is not sent; browsers then cache a preflight for 5 seconds)
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age
   */
  readonly maxAge?: number;
}

/**
 * A validated policy with every default filled in. Produced by {@link resolveCorsPolicy}; frozen.
 */
export interface ResolvedCorsPolicy {
  /** `'*'`, or the allowed serialized origins. */
  readonly allowOrigins: '*' | readonly string[];
  /** The allowed methods. */
  readonly allowMethods: readonly string[];
  /** `'*'`, or the allowed request header names. */
  readonly allowHeaders: '*' | readonly string[];
  /** The response headers exposed to page scripts; empty when none. */
  readonly exposeHeaders: readonly string[];
  /** Whether credentialed requests are allowed. */
  readonly allowCredentials: boolean;
  /** Preflight cache lifetime in seconds, or `undefined` when not sent. */
  readonly maxAge: number | undefined;
}

/** An HTTP token (RFC 9110 §5.6.2): the grammar of header names and methods. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Validates `options` and fills in the defaults.
 *
 * @param options - the policy as written by its author.
 * @returns the frozen, resolved policy.
 * @throws Error quoting the bad value when the policy is one browsers would reject or cannot be right: an
 * origin that is not a serialized origin, `'*'` mixed with explicit origins, credentials with `'*'`, an empty
 * origin or method list, a name that is not an HTTP token, a negative or fractional `maxAge`.
 * @example
 * ```ts
 * resolveCorsPolicy({ allowOrigins: ['https://app.example.com/'] });
 * // Error: Invalid allowOrigins entry "https://app.example.com/": … Did you mean "https://app.example.com"?
 * ```
 */
export function resolveCorsPolicy(options: CorsPolicyOptions): ResolvedCorsPolicy {
  const allowOrigins = resolveAllowOrigins(options.allowOrigins);
  const allowCredentials = options.allowCredentials ?? false;
  if (typeof allowCredentials !== 'boolean') {
    throw new Error(`Invalid allowCredentials ${quote(allowCredentials)}: expected true or false.`);
  }
  if (allowCredentials && allowOrigins === '*') {
    throw new Error(
      'Invalid policy: allowCredentials: true cannot be combined with allowOrigins "*"; browsers reject a ' +
        'credentialed response whose Access-Control-Allow-Origin is "*". List the allowed origins instead.',
    );
  }
  return Object.freeze({
    allowOrigins,
    allowMethods: resolveTokenList('allowMethods', options.allowMethods ?? DEFAULT_ALLOW_METHODS, true),
    allowHeaders: resolveAllowHeaders(options.allowHeaders ?? DEFAULT_ALLOW_HEADERS),
    exposeHeaders: resolveTokenList('exposeHeaders', options.exposeHeaders ?? [], false),
    allowCredentials,
    maxAge: resolveMaxAge(options.maxAge),
  });
}

function resolveAllowOrigins(allowOrigins: '*' | readonly string[]): '*' | readonly string[] {
  if (allowOrigins === '*') return '*';
  if (!Array.isArray(allowOrigins) || allowOrigins.length === 0) {
    throw new Error(
      `Invalid allowOrigins ${quote(allowOrigins)}: expected "*" or a non-empty list of origins ` +
        '(for example ["https://app.example.com"]).',
    );
  }
  if (allowOrigins.includes('*')) {
    if (allowOrigins.length === 1) return '*';
    throw new Error(`Invalid allowOrigins: cannot mix "*" with specific origins: ${quote(allowOrigins)}.`);
  }
  for (const origin of allowOrigins) {
    if (typeof origin !== 'string' || !isSerializedOrigin(origin)) {
      throw new Error(
        `Invalid allowOrigins entry ${quote(origin)}: expected a serialized origin, scheme://host[:port] ` +
          'with scheme http or https, no path, no trailing slash and no default port.' +
          suggestOrigin(origin),
      );
    }
  }
  return Object.freeze([...allowOrigins]);
}

function suggestOrigin(value: unknown): string {
  if (typeof value !== 'string') return '';
  const suggestion =
    serializeOrigin(value) ?? (value.includes('://') ? undefined : serializeOrigin(`https://${value}`));
  return suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
}

function resolveAllowHeaders(allowHeaders: '*' | readonly string[]): '*' | readonly string[] {
  if (allowHeaders === '*') return '*';
  if (Array.isArray(allowHeaders) && allowHeaders.length === 1 && allowHeaders[0] === '*') return '*';
  if (Array.isArray(allowHeaders) && allowHeaders.includes('*')) {
    throw new Error(`Invalid allowHeaders: cannot mix "*" with specific headers: ${quote(allowHeaders)}.`);
  }
  return resolveTokenList('allowHeaders', allowHeaders, false);
}

function resolveTokenList(option: string, values: readonly string[], required: boolean): readonly string[] {
  if (!Array.isArray(values) || (required && values.length === 0)) {
    throw new Error(
      `Invalid ${option} ${quote(values)}: expected a ${required ? 'non-empty ' : ''}list of names.`,
    );
  }
  for (const value of values) {
    if (value === '*') {
      throw new Error(
        `Invalid ${option} entry "*": list the names instead; browsers read "*" as a wildcard only for ` +
          'requests without credentials.',
      );
    }
    if (typeof value !== 'string' || !HTTP_TOKEN.test(value)) {
      throw new Error(
        `Invalid ${option} entry ${quote(value)}: expected an HTTP token (letters, digits, -, _ …).`,
      );
    }
  }
  return Object.freeze([...values]);
}

function resolveMaxAge(maxAge: number | undefined): number | undefined {
  if (maxAge === undefined) return undefined;
  if (!Number.isSafeInteger(maxAge) || maxAge < 0) {
    throw new Error(`Invalid maxAge ${quote(maxAge)}: expected a whole number of seconds, 0 or more.`);
  }
  return maxAge;
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
