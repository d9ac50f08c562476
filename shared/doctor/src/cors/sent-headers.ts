/**
 * The headers a browser adds to every request of a CORS fetch, besides `Origin`: the fetch metadata and the
 * referrer. The doctor sends those a server might look at; it leaves out `Accept-Encoding`,
 * `Accept-Language` and the client hints, which CORS never depends on.
 *
 * @module
 */
import type { HeaderLine } from './header-lines.js';

/**
 * The `Sec-Fetch-*` headers, `Referer` and, when given, `User-Agent`.
 *
 * @param pageOrigin - the page's origin
 * @param url - the URL requested
 * @param userAgent - the `User-Agent` to send
 * @see https://developer.mozilla.org/en-US/docs/Glossary/Fetch_metadata_request_header
 */
export function browserHeaders(pageOrigin: string, url: URL, userAgent?: string): HeaderLine[] {
  const page = new URL(pageOrigin);
  const lines: HeaderLine[] = [
    ['Sec-Fetch-Mode', 'cors'],
    ['Sec-Fetch-Site', fetchSite(page, url)],
    ['Sec-Fetch-Dest', 'empty'],
  ];
  // The default referrer policy, strict-origin-when-cross-origin, sends the page's origin, except to http
  // from https.
  if (!(page.protocol === 'https:' && url.protocol === 'http:')) lines.push(['Referer', `${page.origin}/`]);
  if (userAgent !== undefined) lines.push(['User-Agent', userAgent]);
  return lines;
}

/**
 * `Sec-Fetch-Site`: `same-origin`, `same-site`, or `cross-site`. Two hosts are taken to be one site when they
 * are equal or share their last two DNS labels; a browser consults the Public Suffix List instead, so
 * `a.github.io` and `b.github.io`, one site here, are two sites to it.
 */
function fetchSite(page: URL, url: URL): string {
  if (page.origin === url.origin) return 'same-origin';
  if (page.protocol !== url.protocol) return 'cross-site';
  return siteOf(page.hostname) === siteOf(url.hostname) ? 'same-site' : 'cross-site';
}

function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  return host.split('.').slice(-2).join('.');
}
