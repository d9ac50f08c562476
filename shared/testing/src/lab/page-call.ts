/**
 * The `fetch()` a lab page makes for a call, and how a call is told apart in the gateway's log. The lab page
 * and the browser tests run the very same {@link callFromPage}.
 *
 * This module imports nothing at run time, so that it runs in Node and, as compiled, in the browser.
 *
 * @module
 */
import type { LabCall } from './lab-spec.js';

/**
 * The query parameter that tags a call's requests (`?lab=<tag>`), so that the exchanges the gateway reports
 * can be matched to the call. A fresh tag per run also keeps the browser from answering a preflight from its
 * cache, which it keys by URL.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age
 */
export const LAB_TAG_PARAMETER = 'lab';

/** What the page passes to {@link callFromPage}: everything is plain data, so it can cross into a page. */
export interface PageCallRequest {
  /** The URL to fetch, tagged. */
  readonly url: string;
  /** The `fetch()` options. */
  readonly init: {
    /** The request method, e.g. `PUT`. */
    readonly method: string;
    /** The request headers the page sets. */
    readonly headers: Readonly<Record<string, string>>;
    /** The request body, if any. */
    readonly body?: string;
    /** The credentials mode: `include` sends cookies and needs `Access-Control-Allow-Credentials`. */
    readonly credentials: 'omit' | 'same-origin' | 'include';
  };
  /** Response headers to read with `response.headers.get()` when the browser allows the call. */
  readonly readHeaders: readonly string[];
}

/** What the page saw. */
export type PageCallResult =
  | {
      /** The browser let the page read the answer. */
      readonly verdict: 'allowed';
      /** The status the page reads. */
      readonly status: number;
      /** The body the page reads. */
      readonly body: string;
      /** Each header of `readHeaders`, or `null` when the browser does not let the page read it. */
      readonly headers: Readonly<Record<string, string | null>>;
    }
  | {
      /** The browser withheld the answer. */
      readonly verdict: 'blocked';
      /** The rejection, e.g. `TypeError: Failed to fetch`: the page learns nothing more. */
      readonly error: string;
    };

/**
 * The URL a call fetches: the API's invoke URL, the call's path, and the tag.
 * @param apiUrl - the invoke URL, ending with `/`
 * @param call - the call
 * @param tag - unique per run, e.g. `k3x9-4`
 * @example
 * ```ts
 * taggedUrl('http://127.0.0.1:3100/prod/', call, '1'); // http://127.0.0.1:3100/prod/greeting?lab=1
 * ```
 */
export function taggedUrl(apiUrl: string, call: Pick<LabCall, 'path'>, tag: string): string {
  const url = new URL(call.path, apiUrl);
  url.searchParams.append(LAB_TAG_PARAMETER, tag);
  return url.href;
}

/**
 * The tag of a request as the gateway reports it (`/prod/greeting?lab=1` → `1`).
 * @returns the tag, or `undefined` for a request that was not made by the lab
 */
export function tagOf(requestUrl: string): string | undefined {
  return new URL(requestUrl, 'http://gateway.invalid').searchParams.get(LAB_TAG_PARAMETER) ?? undefined;
}

/**
 * The request a page makes for a call.
 * @param call - the call, from `lab.json`
 * @param url - the tagged URL (see {@link taggedUrl})
 */
export function pageCallRequest(call: LabCall, url: string): PageCallRequest {
  return {
    url,
    init: {
      method: call.method,
      headers: call.headers,
      ...(call.body === undefined ? {} : { body: call.body }),
      credentials: call.credentials,
    },
    readHeaders: call.expect.readable ?? [],
  };
}

/**
 * Makes the call with `fetch()` and reports what the page may see. It is self-contained (no closure, no
 * import), so that a test can hand it to `page.evaluate()` and the lab page can import it.
 *
 * @param request - the call, as plain data
 * @returns `allowed` with what the page reads, or `blocked` with the rejection
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch
 */
export async function callFromPage(request: PageCallRequest): Promise<PageCallResult> {
  try {
    const response = await fetch(request.url, { mode: 'cors', ...request.init });
    const body = await response.text();
    const headers: Record<string, string | null> = {};
    for (const name of request.readHeaders) headers[name] = response.headers.get(name);
    return { verdict: 'allowed', status: response.status, body, headers };
  } catch (error) {
    return { verdict: 'blocked', error: String(error) };
  }
}
