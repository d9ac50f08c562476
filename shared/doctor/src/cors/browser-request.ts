/**
 * The request a page's `fetch()` makes from what it is given: the method normalized, forbidden headers
 * dropped, values trimmed, repeated headers joined, a string body's default `Content-Type` added — or the
 * `TypeError` `fetch()` throws before sending anything.
 *
 * @module
 */
import type { HeaderLine } from './header-lines.js';
import { isForbiddenMethod, isForbiddenRequestHeader, isToken, normalizeMethod } from './safelist.js';

/** A request's credentials mode. `same-origin` sends no cookies to another origin, like `omit`. */
export type CredentialsMode = 'include' | 'same-origin' | 'omit';

/** What a page passes to `fetch()`. */
export interface FetchInput {
  /** The URL fetched. */
  readonly url: string;
  /** The page's origin, e.g. `http://localhost:5173`. */
  readonly origin: string;
  /**
   * The method, as written in the page.
   * @default 'GET'
   */
  readonly method?: string;
  /**
   * Request headers the page sets, in order; a name given twice is appended, as `Headers.append()` does.
   * @default - none
   */
  readonly headers?: readonly HeaderLine[];
  /**
   * The body. A string body without a `Content-Type` header is sent as `text/plain;charset=UTF-8`.
   * @default - no body
   */
  readonly body?: string;
  /**
   * The credentials mode.
   * @default 'same-origin'
   */
  readonly credentials?: CredentialsMode;
}

/** The request as the browser will send it. */
export interface BrowserRequest {
  /** The URL, parsed. */
  readonly url: URL;
  /** The page's origin, serialized (`scheme://host[:port]`). */
  readonly origin: string;
  /** The method as sent. */
  readonly method: string;
  /** The headers the page set that the browser sends, names lower-cased, repeated names joined. */
  readonly headers: readonly HeaderLine[];
  /** Headers the page set that the browser drops (forbidden request headers), as given. */
  readonly dropped: readonly string[];
  /** The body, if any. */
  readonly body?: string;
  /** The credentials mode. */
  readonly credentials: CredentialsMode;
}

/**
 * The `TypeError` `fetch()` throws for a request it will not make; the message is Chromium's, e.g.
 * `Failed to execute 'fetch' on 'Window': 'TRACE' HTTP method is unsupported.`
 */
export class FetchTypeError extends Error {
  /** Always `FetchTypeError`. */
  override readonly name = 'FetchTypeError';
}

const FAILED = "Failed to execute 'fetch' on 'Window': ";

/**
 * Builds the request a page's `fetch()` sends.
 *
 * @param input - what the page passes to `fetch()`
 * @returns the request as the browser sends it
 * @throws FetchTypeError with Chromium's message when `fetch()` would throw
 * @throws Error when `origin` is not an origin
 * @see https://fetch.spec.whatwg.org/#dom-request
 */
export function browserRequest(input: FetchInput): BrowserRequest {
  const origin = serializeOrigin(input.origin);
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new FetchTypeError(`${FAILED}Failed to parse URL from ${input.url}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new FetchTypeError(
      `${FAILED}Request cannot be constructed from a URL that includes credentials: ${input.url}`,
    );
  }
  const method = input.method ?? 'GET';
  if (!isToken(method)) throw new FetchTypeError(`${FAILED}'${method}' is not a valid HTTP method.`);
  if (isForbiddenMethod(method)) throw new FetchTypeError(`${FAILED}'${method}' HTTP method is unsupported.`);
  const normalized = normalizeMethod(method);
  if (input.body !== undefined && (normalized === 'GET' || normalized === 'HEAD')) {
    throw new FetchTypeError(`${FAILED}Request with GET/HEAD method cannot have body.`);
  }
  const joined = new Map<string, string>();
  const dropped: string[] = [];
  for (const [name, raw] of input.headers ?? []) {
    if (!isToken(name)) throw new FetchTypeError(`${FAILED}Invalid name`);
    const value = raw.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    if (/[\0\n\r]/.test(value) || [...value].some((char) => char.charCodeAt(0) > 0xff)) {
      throw new FetchTypeError(`${FAILED}Invalid value`);
    }
    if (isForbiddenRequestHeader(name, value)) {
      dropped.push(name);
      continue;
    }
    const lower = name.toLowerCase();
    const previous = joined.get(lower);
    joined.set(lower, previous === undefined ? value : `${previous}, ${value}`);
  }
  if (input.body !== undefined && !joined.has('content-type')) {
    joined.set('content-type', 'text/plain;charset=UTF-8');
  }
  return {
    url,
    origin,
    method: normalized,
    headers: [...joined],
    dropped,
    ...(input.body === undefined ? {} : { body: input.body }),
    credentials: input.credentials ?? 'same-origin',
  };
}

/**
 * An origin as browsers serialize it: `scheme://host[:port]`, lower case, default ports left out.
 * @throws Error quoting the value when it is not an http or https origin
 */
export function serializeOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new Error(
      `"${origin}" is not an origin: write it as scheme://host[:port], e.g. http://localhost:5173`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`"${origin}" is not an http or https origin`);
  }
  const bare =
    parsed.pathname === '/' &&
    parsed.search === '' &&
    parsed.hash === '' &&
    parsed.username === '' &&
    parsed.password === '';
  if (!bare || origin.endsWith('?') || origin.endsWith('#')) {
    throw new Error(
      `"${origin}" is not an origin (no path, query or credentials): did you mean ${parsed.origin}?`,
    );
  }
  return parsed.origin;
}
