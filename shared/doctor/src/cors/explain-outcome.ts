/**
 * The outcome of a CORS fetch in plain words: what the browser did, why, and what the page saw.
 *
 * @module
 */
import type { BrowserRequest } from './browser-request.js';
import type { FetchOutcome } from './cors-fetch.js';
import type { Exchange } from './exchange.js';
import { headerValue } from './header-lines.js';
import {
  byteLength,
  isSafelistedRequestHeader,
  SAFELISTED_TOTAL_LIMIT,
  SAFELISTED_VALUE_LIMIT,
} from './safelist.js';

/**
 * Explains an outcome to someone who has never read the Fetch standard.
 *
 * @param outcome - what {@link corsFetch} returned
 * @param request - the request it ran
 * @returns a few sentences, separated by spaces; paragraphs separated by a blank line
 */
export function explainOutcome(outcome: FetchOutcome, request: BrowserRequest): string {
  const paragraphs = [why(outcome, request)];
  const notes = notesOf(outcome, request);
  if (notes.length > 0) paragraphs.push(notes.join(' '));
  return paragraphs.join('\n\n');
}

function why(outcome: FetchOutcome, request: BrowserRequest): string {
  const last = outcome.exchanges.at(-1);
  const page = `the page on ${request.origin}`;
  const preflightWhy = preflightReason(outcome, request);
  if (outcome.verdict === 'allowed') {
    if (
      outcome.step === null &&
      outcome.exchanges.every((e) => new URL(e.request.url).origin === request.origin)
    ) {
      return `The URL has the page's own origin, so CORS does not apply: ${page} reads the ${outcome.status} answer.`;
    }
    const asked =
      preflightWhy === undefined ? 'No preflight was needed' : `The preflight (${preflightWhy}) allowed it`;
    const reads = outcome.reads
      .filter((read) => read.value !== null)
      .map((read) => `${read.name} (${read.readability})`);
    return `${asked}, and the response allows ${request.origin}: ${page} reads the ${outcome.status} answer${reads.length === 0 ? '' : ` and ${reads.join(', ')}`}.`;
  }
  if (outcome.netError !== undefined)
    return `${outcome.reason} The browser gives up with ${outcome.netError}.`;
  const error = outcome.corsError;
  if (error === undefined) return readHeaderWhy(outcome);
  const value = error.failedParameter;
  const response = last?.response;
  const answered = response === undefined ? '' : ` The server answered ${response.status}.`;
  const before =
    outcome.step === 'preflight'
      ? `Before sending the ${requestLine(outcome)}, the browser asked for permission with an OPTIONS preflight (${preflightWhy}).${answered} `
      : outcome.step === 'redirect'
        ? `The server answered the request with a redirect (${response?.status} to ${headerValue(response?.headers ?? [], 'location')}). `
        : `The request reached the server, which answered ${response?.status}: whatever it does, it did. `;
  const hidden =
    outcome.step === 'preflight'
      ? 'So the browser never sent the request itself.'
      : `The browser hides the answer: ${page} only sees "TypeError: Failed to fetch".`;
  const origin = sentOrigin(last);
  switch (error.corsError) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return `${before}The answer has no Access-Control-Allow-Origin header. ${hidden}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return (
        `${before}The answer allows the origin '${value}', but the request came from ${origin === 'null' ? 'an origin the browser now sends as null' : `'${origin}'`}; the two are compared as strings. ${hidden}` +
        (origin === 'null'
          ? ' After a redirect to another origin, the browser sends Origin: null, so only * (or null) can match.'
          : '')
      );
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `${before}Access-Control-Allow-Origin must hold exactly one origin, or *; here it is '${value}' (a list, or the header sent twice). A server that allows several origins must send back only the request's Origin. ${hidden}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `${before}Access-Control-Allow-Origin is '${value}', which is not an origin (scheme://host[:port]). ${hidden}`;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `${before}The request sends credentials (credentials: 'include'), and then the browser refuses Access-Control-Allow-Origin: *: the answer must name '${origin}' and add Access-Control-Allow-Credentials: true. ${hidden}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `${before}The request sends credentials (credentials: 'include'), so the answer must also carry Access-Control-Allow-Credentials: true, exactly so, in lower case; ${value === '' ? 'it has none' : `it says '${value}'`}. ${hidden}`;
    case 'PreflightInvalidStatus':
      return `${before}A preflight must be answered with a 2xx status. ${hidden}`;
    case 'PreflightDisallowedRedirect':
      return `${before}The answer is a redirect, and a browser never follows a preflight's redirect: the URL itself must answer OPTIONS. ${hidden}`;
    case 'InvalidAllowMethodsPreflightResponse':
    case 'InvalidAllowHeadersPreflightResponse': {
      const name = error.corsError.includes('Methods')
        ? 'access-control-allow-methods'
        : 'access-control-allow-headers';
      return `${before}${title(name)} is '${headerValue(response?.headers ?? [], name)}', which is not a comma-separated list of names, so the browser discards the answer. ${hidden}`;
    }
    case 'MethodDisallowedByPreflightResponse':
      return `${before}It asked for the method ${value}; Access-Control-Allow-Methods ${listed(response?.headers, 'access-control-allow-methods')}.${methodHint(value, outcome, request)} ${hidden}`;
    case 'HeaderDisallowedByPreflightResponse':
      return `${before}The request sets ${names(outcome.refusedHeaders)}, which the server must allow; Access-Control-Allow-Headers ${listed(response?.headers, 'access-control-allow-headers')}.${headerHint(outcome, request)} ${hidden}`;
    case 'RedirectContainsCredentials':
      return `${before}Its Location carries a user name and password, which a cross-origin fetch may not follow. ${hidden}`;
    case 'CorsDisabledScheme':
      return `${before}It leads to a URL that is not http or https, where CORS cannot apply. ${hidden}`;
  }
}

function readHeaderWhy(outcome: FetchOutcome): string {
  const hidden = outcome.reads.filter((read) => read.value === null && read.sent !== undefined);
  const lines = hidden.map((read) =>
    read.readability === 'never-readable'
      ? `${read.name} is never readable by a page`
      : `${read.name} is sent but not listed in Access-Control-Expose-Headers`,
  );
  return `The browser lets the page read the ${outcome.status} answer, but not every header it asked for: ${lines.join('; ')}. response.headers.get() returns null for ${hidden.length === 1 ? 'it' : 'them'}. Only Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified and Pragma are readable without being exposed.`;
}

function notesOf(outcome: FetchOutcome, request: BrowserRequest): string[] {
  const notes: string[] = [];
  if (request.dropped.length > 0) {
    notes.push(
      `fetch() drops ${request.dropped.join(', ')}: a page may not set ${request.dropped.length === 1 ? 'that header' : 'those headers'}.`,
    );
  }
  if (outcome.authorizationByWildcard) {
    notes.push(
      'Chromium lets Authorization through Access-Control-Allow-Headers: *, but the Fetch standard does not, and Firefox and Safari refuse it: list authorization by name.',
    );
  }
  const absent = outcome.reads.filter((read) => read.sent === undefined);
  if (absent.length > 0) {
    notes.push(
      `The response has no ${absent.map((read) => read.name).join(', ')} header: the page reads null whatever CORS says.`,
    );
  }
  if (outcome.verdict === 'allowed' && outcome.preflightMaxAge !== undefined) {
    notes.push(
      outcome.preflightMaxAge > 0
        ? `Chromium may answer the next identical preflight from its cache for ${outcome.preflightMaxAge} s (Access-Control-Max-Age, at most 7200 s; 5 s without it).`
        : 'The preflight answer is not cached: every such request is preflighted again.',
    );
  }
  return notes;
}

function preflightReason(outcome: FetchOutcome, request: BrowserRequest): string | undefined {
  const need = outcome.preflight;
  if (need === undefined) return undefined;
  const parts: string[] = [];
  if (need.method !== undefined) parts.push(`${need.method} is not GET, HEAD or POST`);
  const plain = need.headers.filter((name) => !SAFELISTED_NAMES.has(name));
  if (plain.length > 0)
    parts.push(
      `${names(plain)} ${plain.length === 1 ? 'is not a safelisted header' : 'are not safelisted headers'}`,
    );
  const sent = new Map(request.headers);
  let pastLimit = false;
  for (const name of need.headers.filter((header) => SAFELISTED_NAMES.has(header))) {
    const value = sent.get(name) ?? '';
    if (isSafelistedRequestHeader(name, value)) pastLimit = true;
    else if (byteLength(value) > SAFELISTED_VALUE_LIMIT)
      parts.push(`the value of ${title(name)} is longer than ${SAFELISTED_VALUE_LIMIT} bytes`);
    else if (name === 'content-type')
      parts.push(`Content-Type ${value} is not one of the three types a form can send`);
    else parts.push(`${title(name)}: ${value} is not a value the browser lets through without asking`);
  }
  if (pastLimit)
    parts.push(`the safelisted headers hold more than ${SAFELISTED_TOTAL_LIMIT} bytes of values`);
  return parts.join(', and ');
}

/** Header names that are safelisted for some values. */
const SAFELISTED_NAMES = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'range',
  'dpr',
  'width',
  'viewport-width',
  'device-memory',
  'save-data',
  'intervention',
]);

function requestLine(outcome: FetchOutcome): string {
  const preflight = outcome.exchanges.findLast((exchange) => exchange.role === 'preflight');
  const method = headerValue(preflight?.request.headers ?? [], 'access-control-request-method') ?? 'request';
  return `${method} request`;
}

function methodHint(method: string, outcome: FetchOutcome, request: BrowserRequest): string {
  const listedMethods = (headerValue(lastResponseHeaders(outcome), 'access-control-allow-methods') ?? '')
    .split(',')
    .map((m) => m.trim());
  if (listedMethods.some((m) => m !== method && m.toLowerCase() === method.toLowerCase())) {
    return ` Methods are compared case-sensitively, and fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT: write '${method.toUpperCase()}' in the page, or list '${method}'.`;
  }
  if (request.credentials === 'include' && listedMethods.includes('*')) {
    return " With credentials, '*' is not a wildcard but a method named '*'.";
  }
  return '';
}

function headerHint(outcome: FetchOutcome, request: BrowserRequest): string {
  const allowed = (headerValue(lastResponseHeaders(outcome), 'access-control-allow-headers') ?? '').split(
    ',',
  );
  const hints: string[] = [];
  if (outcome.refusedHeaders.length > 1) {
    hints.push(
      ` Chromium's message names only ${outcome.corsError?.failedParameter}; all of them are missing.`,
    );
  }
  if (request.credentials === 'include' && allowed.some((name) => name.trim() === '*')) {
    hints.push(" With credentials, '*' is not a wildcard but a header named '*'.");
  }
  if (outcome.refusedHeaders.includes('content-type')) {
    hints.push(
      ' Content-Type needs consent unless it is application/x-www-form-urlencoded, multipart/form-data or text/plain.',
    );
  }
  return hints.join('');
}

function lastResponseHeaders(outcome: FetchOutcome) {
  return outcome.exchanges.at(-1)?.response.headers ?? [];
}

function listed(headers: Exchange['response']['headers'] | undefined, name: string): string {
  const value = headerValue(headers ?? [], name);
  return value === undefined ? 'is absent' : `is '${value}'`;
}

function sentOrigin(exchange: Exchange | undefined): string {
  return headerValue(exchange?.request.headers ?? [], 'origin') ?? '';
}

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

function title(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, char: string) => dash + char.toUpperCase());
}
