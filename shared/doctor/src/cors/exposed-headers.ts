/**
 * Which response headers a page can read from a cross-origin answer: the safelisted ones, those named by
 * `Access-Control-Expose-Headers`, or every one but `Set-Cookie` when it says `*` and no credentials were sent.
 *
 * @module
 */
import { type HeaderLine, headerValue, parseTokenList } from './header-lines.js';
import { FORBIDDEN_RESPONSE_HEADERS, SAFELISTED_RESPONSE_HEADERS } from './safelist.js';

/** Why a page can, or cannot, read a response header. */
export type HeaderReadability =
  | 'safelisted'
  | 'exposed'
  | 'exposed-by-wildcard'
  | 'not-exposed'
  | 'never-readable'
  | 'absent';

/** What `response.headers.get(name)` gives a page, and why. */
export interface HeaderRead {
  /** The name asked for, as given. */
  readonly name: string;
  /** The value the page reads, or `null`. */
  readonly value: string | null;
  /** Why. */
  readonly readability: HeaderReadability;
  /** The value the response carries, readable or not; `undefined` when it has no such header. */
  readonly sent: string | undefined;
}

/**
 * What a page reads for each name with `response.headers.get(name)`.
 *
 * @param headers - the response's header lines
 * @param names - the names the page reads
 * @param includeCredentials - whether the request's credentials mode is `include` (`*` is then a name)
 * @see https://fetch.spec.whatwg.org/#http-access-control-expose-headers
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers
 */
export function readHeaders(
  headers: readonly HeaderLine[],
  names: readonly string[],
  includeCredentials: boolean,
): HeaderRead[] {
  // Chromium ignores the whole list when one entry is not a token.
  const exposed = new Set(
    (parseTokenList(headerValue(headers, 'access-control-expose-headers')) ?? []).map((name) =>
      name.toLowerCase(),
    ),
  );
  const wildcard = !includeCredentials && exposed.has('*');
  return names.map((name) => {
    const lower = name.toLowerCase();
    const sent = headerValue(headers, lower);
    const readability: HeaderReadability = FORBIDDEN_RESPONSE_HEADERS.has(lower)
      ? 'never-readable'
      : SAFELISTED_RESPONSE_HEADERS.has(lower)
        ? 'safelisted'
        : exposed.has(lower)
          ? 'exposed'
          : wildcard
            ? 'exposed-by-wildcard'
            : 'not-exposed';
    const readable = readability !== 'never-readable' && readability !== 'not-exposed';
    return {
      name,
      value: readable && sent !== undefined ? sent : null,
      readability: sent === undefined ? 'absent' : readability,
      sent,
    };
  });
}
