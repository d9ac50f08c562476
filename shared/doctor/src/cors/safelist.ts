/**
 * The Fetch standard's name lists, as Chromium applies them: which methods and request headers a page may send
 * without a preflight, which headers a page may not set at all, and which response headers it may always read.
 * Where Chromium departs from the standard (client hints, `Intervention`, `Save-Data`), Chromium is followed,
 * because its verdict is the one a page meets.
 *
 * @module
 */

/**
 * The CORS-safelisted methods: a request with another method is preflighted.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
export const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** Methods `fetch()` refuses outright, whatever their case. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Methods `fetch()` upper-cases; any other method is sent exactly as written. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/**
 * Request headers a page cannot set: `fetch()` drops them silently (Chromium's list, which adds `User-Agent`
 * and `Set-Cookie` to the standard's), besides every `Proxy-` and `Sec-` header.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const FORBIDDEN_REQUEST_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** Headers that name a method: forbidden when one of the methods they name is. */
const METHOD_OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

/**
 * Response headers a page can always read, exposed or not.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
 */
export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** Response headers a page can never read. */
export const FORBIDDEN_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['set-cookie', 'set-cookie2']);

/** A safelisted header's value may have at most this many bytes. */
export const SAFELISTED_VALUE_LIMIT = 128;

/** The safelisted headers of one request may have at most this many bytes of values in all. */
export const SAFELISTED_TOTAL_LIMIT = 1024;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Whether a string is an HTTP token (RFC 9110), as method and header names must be.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-tokens
 */
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/**
 * The method as `fetch()` sends it: `put` becomes `PUT`, `patch` stays `patch`.
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/** Whether `fetch()` refuses this method (`CONNECT`, `TRACE`, `TRACK`). */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(method.toUpperCase());
}

/**
 * Whether a page's `fetch()` drops this header.
 * @param name - the header name, any case
 * @param value - its value, which matters for the method-override headers
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_REQUEST_HEADERS.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (METHOD_OVERRIDE_HEADERS.has(lower)) {
    return value.split(',').some((method) => isForbiddenMethod(method.trim()));
  }
  return false;
}

/** Printable bytes the standard excludes from safelisted values. */
const UNSAFE_BYTES = new Set('"():<>?@[\\]{}');

/** Whether a value holds a byte that no safelisted `Accept` or `Content-Type` may hold. */
function hasUnsafeByte(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || UNSAFE_BYTES.has(char)) return true;
  }
  return false;
}

const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

/** The media types a page may send as `Content-Type` without a preflight. */
const SAFELISTED_MEDIA_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/**
 * Whether a `Content-Type` value keeps a request simple: its media type (before any `;`) is one of the three
 * a form could send, and it holds none of the bytes the standard excludes.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function isSafelistedContentType(value: string): boolean {
  const lower = value.toLowerCase();
  if (hasUnsafeByte(lower)) return false;
  const mediaType = (lower.split(';', 1)[0] ?? '').trim();
  return SAFELISTED_MEDIA_TYPES.has(mediaType);
}

/**
 * Whether one request header, on its own, keeps a request simple (Chromium's `IsCorsSafelistedHeader`): the
 * standard's `Accept`, `Accept-Language`, `Content-Language`, `Content-Type` and single-range `Range`, and
 * the headers Chromium adds itself (`DPR`, `Width`, `Viewport-Width`, `Device-Memory` with a number,
 * `Save-Data: on`, `Intervention`), each at most 128 bytes.
 *
 * @param name - the header name, any case
 * @param value - the value as `fetch()` sends it
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function isSafelistedRequestHeader(name: string, value: string): boolean {
  if (byteLength(value) > SAFELISTED_VALUE_LIMIT) return false;
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type':
      return isSafelistedContentType(value);
    case 'range':
      return isSimpleRange(value);
    case 'device-memory':
    case 'dpr':
      return DECIMAL.test(value);
    case 'width':
    case 'viewport-width':
      return INTEGER.test(value);
    case 'save-data':
      return value.toLowerCase() === 'on';
    case 'intervention':
      return true;
    default:
      return false;
  }
}

/** `bytes=N-` or `bytes=N-M` with N ≤ M, both fitting a 64-bit integer, as Chromium parses them. */
function isSimpleRange(value: string): boolean {
  const match = SIMPLE_RANGE.exec(value);
  if (match === null) return false;
  const start = BigInt(match[1]!);
  const limit = 2n ** 63n - 1n;
  if (start > limit) return false;
  if (match[2] === '') return true;
  const end = BigInt(match[2]!);
  return end <= limit && start <= end;
}

/** The length of a header value in bytes, as the 128- and 1024-byte rules count it. */
export function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

/**
 * The request headers that make a request need a preflight, lower-cased, in the request's order: those that
 * are not safelisted and, when the safelisted ones hold more than 1024 bytes of values, those too.
 * Forbidden headers never count: the browser sets them itself.
 *
 * @param headers - the request's header lines, as `fetch()` sends them
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function corsUnsafeRequestHeaderNames(headers: ReadonlyArray<readonly [string, string]>): string[] {
  const unsafe: string[] = [];
  const safelisted: string[] = [];
  let safelistedBytes = 0;
  for (const [name, value] of headers) {
    if (isForbiddenRequestHeader(name, value)) continue;
    const lower = name.toLowerCase();
    if (isSafelistedRequestHeader(lower, value)) {
      safelisted.push(lower);
      safelistedBytes += byteLength(value);
    } else {
      unsafe.push(lower);
    }
  }
  return safelistedBytes > SAFELISTED_TOTAL_LIMIT ? [...unsafe, ...safelisted] : unsafe;
}

/**
 * The value of the preflight's `Access-Control-Request-Headers`: the unsafe names, sorted, joined with `,`
 * (no space), as Chromium writes it; `undefined` when there is none.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function accessControlRequestHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
): string | undefined {
  const names = [...new Set(corsUnsafeRequestHeaderNames(headers))].sort();
  return names.length === 0 ? undefined : names.join(',');
}
