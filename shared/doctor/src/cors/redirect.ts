/**
 * Following a redirect as the Fetch standard does: the next URL, and the method and body that go with it.
 *
 * @module
 */
import type { HeaderLine } from './header-lines.js';

/** How many redirects a fetch follows before it fails with `net::ERR_TOO_MANY_REDIRECTS`. */
export const MAX_REDIRECTS = 20;

/** The headers that describe a body, removed when a redirect turns the request into a `GET`. */
const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);

/** One request of a redirect chain. */
export interface Hop {
  /** Where it goes. */
  readonly url: URL;
  /** Its method. */
  readonly method: string;
  /** The headers the page set, lower case. */
  readonly headers: readonly HeaderLine[];
  /** Its body, if any. */
  readonly body?: string | undefined;
}

/**
 * The request that follows a redirect: to `Location` resolved against the current URL; a 301 or 302 turns a
 * `POST` into a `GET`, a 303 turns anything but `GET` and `HEAD` into a `GET`, and the body goes with it.
 *
 * @param hop - the request that was redirected
 * @param status - the redirect's status
 * @param location - its `Location` header
 * @returns the next request, or `undefined` when `Location` is not a URL
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
export function followRedirect(hop: Hop, status: number, location: string): Hop | undefined {
  let url: URL;
  try {
    url = new URL(location, hop.url);
  } catch {
    return undefined;
  }
  const toGet =
    ((status === 301 || status === 302) && hop.method === 'POST') ||
    (status === 303 && hop.method !== 'GET' && hop.method !== 'HEAD');
  if (!toGet) return { ...hop, url };
  return { url, method: 'GET', headers: hop.headers.filter(([name]) => !BODY_HEADERS.has(name)) };
}
