/**
 * A page's `fetch()` in CORS mode, step by step as Chromium runs it: the preflight when one is needed, the
 * request, each redirect, and what the page may read in the end. The HTTP is done by a {@link Transport},
 * so the same logic judges a live endpoint or replays exchanges someone else observed.
 *
 * @module
 */
import { checkAccess } from './access-check.js';
import type { BrowserRequest } from './browser-request.js';
import { type CorsErrorStatus, chromiumReason, consoleMessage } from './cors-error.js';
import type { Exchange, Transport, WireRequest } from './exchange.js';
import { type HeaderRead, readHeaders } from './exposed-headers.js';
import { type HeaderLine, headerValue } from './header-lines.js';
import { checkPreflight, isRedirect } from './preflight-check.js';
import { followRedirect, type Hop, MAX_REDIRECTS } from './redirect.js';
import { accessControlRequestHeaders, corsUnsafeRequestHeaderNames, SAFELISTED_METHODS } from './safelist.js';
import { browserHeaders } from './sent-headers.js';

/**
 * The step of a fetch that blocked it: the `preflight`, the `request` (its final response), a `redirect` on
 * the way, or `read-header` when the page got the answer but not a header it asked for.
 */
export type FetchStep = 'preflight' | 'request' | 'redirect' | 'read-header';

/** Why a preflight was needed. */
export interface PreflightNeed {
  /** The method, when it is not GET, HEAD or POST. */
  readonly method?: string;
  /** The request headers that are not safelisted (or all of them, past 1024 bytes), lower case. */
  readonly headers: readonly string[];
}

/** Everything a CORS fetch came to. */
export interface FetchOutcome {
  /** Whether the page gets the answer (and every header it asked for). */
  readonly verdict: 'allowed' | 'blocked';
  /** The step that blocked it; `null` when allowed. */
  readonly step: FetchStep | null;
  /** Chromium's CORS error, when CORS blocked it. */
  readonly corsError?: CorsErrorStatus;
  /** The network error, when the browser gave up for another reason, e.g. `net::ERR_TOO_MANY_REDIRECTS`. */
  readonly netError?: string;
  /** Chromium's console sentence after `has been blocked by CORS policy: `, or a sentence of the doctor's. */
  readonly reason: string;
  /** The whole console line, when Chromium writes one. */
  readonly consoleMessage?: string;
  /** Every exchange, in order. */
  readonly exchanges: readonly Exchange[];
  /** Why the (first) preflight was needed; `undefined` when none was. */
  readonly preflight?: PreflightNeed;
  /** Every request header the blocking preflight refused, when it refused headers. */
  readonly refusedHeaders: readonly string[];
  /** Whether a preflight let `Authorization` through only because it allows `*` (Chromium does; the standard does not). */
  readonly authorizationByWildcard: boolean;
  /** How long the browser keeps the last preflight answer, in seconds. */
  readonly preflightMaxAge?: number;
  /** What the page reads for each header it asked for, when it got the answer. */
  readonly reads: readonly HeaderRead[];
  /** The final status the page reads, when it got the answer. */
  readonly status?: number;
}

/** Options of {@link corsFetch}. */
export interface CorsFetchOptions {
  /** Response headers the page reads with `response.headers.get()`. @default [] */
  readonly readHeaders?: readonly string[];
  /** The `User-Agent` sent. @default - none */
  readonly userAgent?: string;
}

/**
 * Runs a page's `fetch()` in CORS mode over a transport.
 *
 * @param request - the request as the browser sends it (see `browserRequest`)
 * @param send - the transport; it is called once per exchange
 * @param options - the headers the page reads and the `User-Agent`
 * @returns the outcome, with every exchange
 * @throws NetworkError when the transport does
 * @see https://fetch.spec.whatwg.org/#main-fetch
 */
export async function corsFetch(
  request: BrowserRequest,
  send: Transport,
  options: CorsFetchOptions = {},
): Promise<FetchOutcome> {
  const include = request.credentials === 'include';
  const initial = request.url.href;
  const exchanges: Exchange[] = [];
  let preflight: PreflightNeed | undefined;
  let authorizationByWildcard = false;
  let preflightMaxAge: number | undefined;
  let hop: Hop = { url: request.url, method: request.method, headers: request.headers, body: request.body };
  let tainted = false;
  let corsFlag = false;
  let redirects = 0;
  const outcome = (
    fields: Partial<FetchOutcome> & Pick<FetchOutcome, 'verdict' | 'reason'>,
  ): FetchOutcome => ({
    step: null,
    exchanges,
    ...(preflight === undefined ? {} : { preflight }),
    refusedHeaders: [],
    authorizationByWildcard,
    ...(preflightMaxAge === undefined ? {} : { preflightMaxAge }),
    reads: [],
    ...fields,
  });
  const blocked = (step: FetchStep, error: CorsErrorStatus, at: string, refused: readonly string[] = []) => {
    const reason = chromiumReason(error);
    return outcome({
      verdict: 'blocked',
      step,
      corsError: error,
      reason,
      consoleMessage: consoleMessage(reason, at, initial, request.origin),
      refusedHeaders: refused,
    });
  };

  for (;;) {
    // Once a fetch is cross-origin it stays under CORS, even back on the page's origin.
    corsFlag = corsFlag || tainted || hop.url.origin !== request.origin;
    const origin = tainted ? 'null' : request.origin;
    const unsafe = corsUnsafeRequestHeaderNames(hop.headers);
    if (corsFlag && (!SAFELISTED_METHODS.has(hop.method) || unsafe.length > 0)) {
      preflight ??= {
        ...(SAFELISTED_METHODS.has(hop.method) ? {} : { method: hop.method }),
        headers: [...new Set(unsafe)],
      };
      const asked = accessControlRequestHeaders(hop.headers);
      const question: WireRequest = {
        method: 'OPTIONS',
        url: hop.url.href,
        headers: [
          ['Accept', '*/*'],
          ['Access-Control-Request-Method', hop.method],
          ...(asked === undefined ? [] : ([['Access-Control-Request-Headers', asked]] as HeaderLine[])),
          ['Origin', origin],
          ...browserHeaders(request.origin, hop.url, options.userAgent),
        ],
      };
      const answer = await send(question, 'preflight');
      exchanges.push({ role: 'preflight', request: question, response: answer });
      const verdict = checkPreflight(answer.status, answer.headers, {
        method: hop.method,
        unsafeHeaders: unsafe,
        origin,
        includeCredentials: include,
      });
      if (verdict.error !== undefined) {
        return blocked('preflight', verdict.error, hop.url.href, verdict.refusedHeaders);
      }
      authorizationByWildcard ||= verdict.authorizationByWildcard;
      preflightMaxAge = verdict.maxAgeSeconds;
    }

    const sent: WireRequest = {
      method: hop.method,
      url: hop.url.href,
      headers: [
        ...hop.headers,
        ...(hop.headers.some(([name]) => name === 'accept') ? [] : ([['Accept', '*/*']] as HeaderLine[])),
        ...(corsFlag || !['GET', 'HEAD'].includes(hop.method) ? ([['Origin', origin]] as HeaderLine[]) : []),
        ...browserHeaders(request.origin, hop.url, options.userAgent),
      ],
      ...(hop.body === undefined ? {} : { body: hop.body }),
    };
    const response = await send(sent, 'request');
    exchanges.push({ role: 'request', request: sent, response });

    if (isRedirect(response.status, response.headers)) {
      if (redirects >= MAX_REDIRECTS) {
        return outcome({
          verdict: 'blocked',
          step: 'redirect',
          netError: 'net::ERR_TOO_MANY_REDIRECTS',
          reason: `The browser follows at most ${MAX_REDIRECTS} redirects; this is redirect number ${redirects + 1}.`,
        });
      }
      const next = followRedirect(hop, response.status, headerValue(response.headers, 'location') ?? '');
      if (next === undefined) {
        return outcome({
          verdict: 'blocked',
          step: 'redirect',
          netError: 'net::ERR_INVALID_REDIRECT',
          reason: `The redirect's Location, ${JSON.stringify(headerValue(response.headers, 'location'))}, is not a URL.`,
        });
      }
      if (corsFlag) {
        const access = checkAccess(response.headers, origin, include, false);
        if (access !== undefined) return blocked('redirect', access, hop.url.href);
      }
      if (next.url.protocol !== 'http:' && next.url.protocol !== 'https:') {
        return blocked('redirect', { corsError: 'CorsDisabledScheme', failedParameter: '' }, next.url.href);
      }
      if (
        (next.url.username !== '' || next.url.password !== '') &&
        (corsFlag || next.url.origin !== request.origin)
      ) {
        return blocked(
          'redirect',
          { corsError: 'RedirectContainsCredentials', failedParameter: '' },
          hop.url.href,
        );
      }
      if (next.url.origin !== hop.url.origin && request.origin !== hop.url.origin) tainted = true;
      redirects += 1;
      hop = next;
      continue;
    }

    if (corsFlag) {
      const access = checkAccess(response.headers, origin, include, false);
      if (access !== undefined) return blocked('request', access, hop.url.href);
    }
    const reads = readHeaders(response.headers, options.readHeaders ?? [], corsFlag && include);
    const hidden = corsFlag ? reads.filter((read) => read.value === null && read.sent !== undefined) : [];
    const visible = corsFlag ? reads : reads.map((read) => ({ ...read, value: read.sent ?? null }));
    if (hidden.length > 0) {
      return outcome({
        verdict: 'blocked',
        step: 'read-header',
        reason: hiddenReason(hidden),
        reads: visible,
        status: response.status,
      });
    }
    return outcome({
      verdict: 'allowed',
      reason: allowedReason(corsFlag, preflight !== undefined),
      reads: visible,
      status: response.status,
    });
  }
}

function hiddenReason(hidden: readonly HeaderRead[]): string {
  const names = hidden.map((read) => read.name).join(', ');
  const never = hidden.every((read) => read.readability === 'never-readable');
  return never
    ? `The response carries ${names}, which no page can ever read.`
    : `The response carries ${names}, but Access-Control-Expose-Headers does not expose ${hidden.length === 1 ? 'it' : 'them'}: response.headers.get() returns null.`;
}

function allowedReason(cors: boolean, preflighted: boolean): string {
  if (!cors) return 'The request is same-origin: CORS does not apply.';
  return preflighted
    ? 'The preflight allowed the request, and the response passed the CORS check.'
    : 'No preflight was needed, and the response passed the CORS check.';
}
