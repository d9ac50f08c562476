/**
 * The plain server's side of the differential matrix: server configurations, the requests a page makes to
 * them, and their product.
 */
import type { CredentialsMode } from '../../src/index.js';
import type { Rule, ServerConfig } from './config-server.js';

/** A `fetch()` of the matrix. */
export interface MatrixRequest {
  readonly id: string;
  readonly method?: string;
  readonly headers?: ReadonlyArray<readonly [string, string]>;
  readonly body?: string;
  readonly credentials?: CredentialsMode;
  readonly readHeaders?: readonly string[];
}

/** One cell: a configuration and a request. */
export interface PlainCase {
  readonly id: string;
  readonly config: string;
  readonly request: MatrixRequest;
  /** `same`: the page is on the server's own origin. @default 'page' */
  readonly from?: 'page' | 'same';
}

const ACAO = 'access-control-allow-origin';
const ACAC = 'access-control-allow-credentials';
const ACAM = 'access-control-allow-methods';
const ACAH = 'access-control-allow-headers';
const ACEH = 'access-control-expose-headers';

const allow = (...headers: Array<readonly [string, string]>): Rule => ({ status: 200, headers });
const origin = [ACAO, '{origin}'] as const;
const star = [ACAO, '*'] as const;
const credentials = [ACAC, 'true'] as const;
const preflightOk = (...headers: Array<readonly [string, string]>): Rule => ({ status: 204, headers });

/** Configurations of the actual response only: every request below is simple for them, or preflights fail. */
const SIMPLE: Record<string, ServerConfig> = {
  'acao-none': { request: allow() },
  'acao-star': { request: allow(star) },
  'acao-origin': { request: allow(origin) },
  'acao-origin-acac': { request: allow(origin, credentials) },
  'acao-star-acac': { request: allow(star, credentials) },
  'acao-other': { request: allow([ACAO, 'https://other.example']) },
  'acao-null': { request: allow([ACAO, 'null']) },
  'acao-twice': { request: allow(origin, origin) },
  'acao-list': { request: allow([ACAO, '{origin}, https://other.example']) },
  'acao-slash': { request: allow([ACAO, '{origin}/']) },
  'acao-upper': { request: allow([ACAO, 'HTTP://LOCALHOST:5173']) },
  'acao-invalid': { request: allow([ACAO, 'localhost']) },
  'acao-empty': { request: allow([ACAO, '']) },
  'acao-tab': { request: allow([ACAO, '{origin}\t']) },
  'acac-capital': { request: allow(origin, [ACAC, 'True']) },
  'acac-twice': { request: allow(origin, credentials, credentials) },
  'acao-404': { request: { status: 404, headers: [origin], body: '{"message":"Not Found"}' } },
  'acao-500': { request: { status: 500, headers: [origin, credentials] } },
  'apigw-403': {
    request: {
      status: 403,
      headers: [['x-amzn-ErrorType', 'MissingAuthenticationTokenException']],
      body: '{"message":"Missing Authentication Token"}',
    },
  },
  expose: {
    request: allow(
      origin,
      [ACEH, 'x-request-id'],
      ['x-request-id', 'r1'],
      ['x-other', 'o'],
      ['expires', '0'],
    ),
  },
  'expose-star': {
    request: allow(origin, credentials, [ACEH, '*'], ['x-request-id', 'r1'], ['set-cookie', 'a=b']),
  },
  'expose-broken': { request: allow(origin, [ACEH, 'x-request-id x-other'], ['x-request-id', 'r1']) },
  'expose-twice': {
    request: allow(
      origin,
      [ACEH, 'x-request-id'],
      [ACEH, 'x-other'],
      ['x-request-id', 'r1'],
      ['x-other', 'o'],
    ),
  },
};

const CDK_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent';
const CDK_METHODS = 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD';

/** Configurations with a preflight answer. */
const PREFLIGHTED: Record<string, ServerConfig> = {
  'pf-none': { preflight: preflightOk(), request: allow(origin) },
  'pf-403': {
    preflight: { status: 403, headers: [['x-amzn-ErrorType', 'MissingAuthenticationTokenException']] },
  },
  'pf-403-acao': { preflight: { status: 403, headers: [star] }, request: allow(star) },
  'pf-wildcards': { preflight: preflightOk(star, [ACAM, '*'], [ACAH, '*']), request: allow(star) },
  'pf-listed': {
    preflight: preflightOk(
      origin,
      [ACAM, 'GET,PUT,POST,DELETE,PATCH'],
      [ACAH, 'content-type,x-api-key,authorization'],
    ),
    request: allow(origin),
  },
  'pf-credentials': {
    preflight: preflightOk(
      origin,
      credentials,
      [ACAM, 'PUT,DELETE,PATCH'],
      [ACAH, 'Content-Type, Authorization, X-Api-Key'],
    ),
    request: allow(origin, credentials),
  },
  'pf-star-credentials': {
    preflight: preflightOk(star, credentials, [ACAM, '*'], [ACAH, '*']),
    request: allow(origin, credentials),
  },
  'pf-origin-no-acac': {
    preflight: preflightOk(origin, [ACAM, '*'], [ACAH, '*']),
    request: allow(origin, credentials),
  },
  'pf-wildcards-credentials': {
    preflight: preflightOk(origin, credentials, [ACAM, '*'], [ACAH, '*']),
    request: allow(origin, credentials),
  },
  'pf-other': { preflight: preflightOk([ACAO, 'https://other.example'], [ACAM, '*'], [ACAH, '*']) },
  'pf-twice': { preflight: preflightOk(origin, origin, [ACAM, '*'], [ACAH, '*']) },
  'pf-invalid': { preflight: preflightOk([ACAO, 'localhost'], [ACAM, '*']) },
  'pf-500': { preflight: { status: 500, headers: [star, [ACAM, '*'], [ACAH, '*']] } },
  'pf-299': { preflight: { status: 299, headers: [star, [ACAM, '*'], [ACAH, '*']] }, request: allow(star) },
  'pf-redirect': { preflight: { status: 307, headers: [star], location: '/c/pf-wildcards' } },
  'pf-300': {
    preflight: { status: 300, headers: [star, [ACAM, '*'], [ACAH, '*']], location: '/c/pf-wildcards' },
    request: allow(star),
  },
  'pf-bad-methods': { preflight: preflightOk(star, [ACAM, 'PUT "DELETE"'], [ACAH, '*']) },
  'pf-bad-headers': { preflight: preflightOk(star, [ACAM, '*'], [ACAH, 'x-api-key; authorization']) },
  'pf-lower-methods': {
    preflight: preflightOk(star, [ACAM, 'put, patch, delete'], [ACAH, '*']),
    request: allow(star),
  },
  'pf-cdk': { preflight: preflightOk(star, [ACAH, CDK_HEADERS], [ACAM, CDK_METHODS]), request: allow() },
  'pf-cdk-ok': {
    preflight: preflightOk(star, [ACAH, CDK_HEADERS], [ACAM, CDK_METHODS]),
    request: allow(star),
  },
  'pf-headers-only': { preflight: preflightOk(star, [ACAH, '*']), request: allow(star) },
  'pf-max-age': {
    preflight: preflightOk(
      origin,
      [ACAM, 'PUT, DELETE, patch'],
      [ACAH, 'content-type, x-api-key'],
      ['access-control-max-age', '600'],
    ),
    request: allow(origin),
  },
  'pf-ok-request-none': {
    preflight: preflightOk(
      origin,
      credentials,
      [ACAM, '*,PUT,DELETE,patch'],
      [ACAH, '*,authorization,content-type,x-api-key'],
    ),
    request: allow(),
  },
};

/** Configurations that redirect the request. */
const REDIRECTING: Record<string, ServerConfig> = {
  'rd-same': {
    request: [
      { status: 302, headers: [origin, credentials], location: '/c/rd-same' },
      allow(origin, credentials),
    ],
  },
  'rd-cross-null': {
    request: [
      { status: 302, headers: [origin, credentials], location: '{B}/c/rd-cross-null' },
      allow([ACAO, 'null'], credentials),
    ],
  },
  'rd-cross-origin': {
    request: [{ status: 302, headers: [origin], location: '{B}/c/rd-cross-origin' }, allow(origin)],
  },
  'rd-cross-star': {
    request: [{ status: 307, headers: [origin], location: '{B}/c/rd-cross-star' }, allow(star)],
  },
  'rd-no-acao': { request: [{ status: 302, location: '/c/rd-no-acao' }, allow(origin)] },
  'rd-303': { request: [{ status: 303, headers: [origin], location: '/c/rd-303' }, allow(origin)] },
  'rd-preflighted': {
    preflight: [preflightOk(origin, [ACAM, '*'], [ACAH, '*']), preflightOk(star, [ACAM, '*'], [ACAH, '*'])],
    request: [{ status: 307, headers: [origin], location: '{B}/c/rd-preflighted' }, allow(star)],
  },
  'rd-preflight-mismatch': {
    preflight: preflightOk(origin, [ACAM, '*'], [ACAH, '*']),
    request: [{ status: 308, headers: [origin], location: '{B}/c/rd-preflight-mismatch' }, allow(star)],
  },
  'rd-loop': { request: { status: 302, headers: [star], location: '/c/rd-loop' } },
  'rd-twenty': {
    request: [
      ...Array.from({ length: 20 }, () => ({ status: 302, headers: [star], location: '/c/rd-twenty' })),
      allow(star),
    ],
  },
  'rd-userinfo': {
    request: { status: 302, headers: [origin], location: 'raw:http://user:secret@127.0.0.1:9/c/x' },
  },
  'rd-ftp': { request: { status: 302, headers: [origin], location: 'raw:ftp://files.example/x' } },
  'rd-bad-location': { request: { status: 302, headers: [origin], location: 'raw:http://[oops/' } },
  'rd-no-location': { request: { status: 302, headers: [origin] } },
  'rd-300': { request: [{ status: 300, headers: [origin], location: '/c/rd-300' }, allow(origin)] },
};

/** Every configuration of the plain server. */
export const PLAIN_CONFIGS: ReadonlyMap<string, ServerConfig> = new Map(
  Object.entries({ ...SIMPLE, ...PREFLIGHTED, ...REDIRECTING }),
);

const JSON_BODY = '{"state":"new"}';

const SIMPLE_REQUESTS: MatrixRequest[] = [
  { id: 'get' },
  { id: 'get-credentials', credentials: 'include' },
  { id: 'get-read', readHeaders: ['x-request-id', 'content-type', 'set-cookie'] },
];

const PREFLIGHT_REQUESTS: MatrixRequest[] = [
  { id: 'put-json', method: 'PUT', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  { id: 'get-api-key', headers: [['X-Api-Key', 'k']] },
  {
    id: 'delete-credentials-auth',
    method: 'DELETE',
    headers: [['Authorization', 'Bearer t']],
    credentials: 'include',
  },
  { id: 'patch-lower', method: 'patch' },
  { id: 'get-auth', headers: [['Authorization', 'Bearer t']] },
];

const REDIRECT_REQUESTS: MatrixRequest[] = [
  { id: 'get' },
  { id: 'get-credentials', credentials: 'include' },
  { id: 'post-text', method: 'POST', body: 'hello' },
  { id: 'put-json', method: 'PUT', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
];

const long = (length: number, char = 'a') => char.repeat(length);

/** Requests whose headers test the safelist, sent to `pf-listed` (which allows three headers). */
const SAFELIST_REQUESTS: MatrixRequest[] = [
  {
    id: 'ct-text-params',
    method: 'POST',
    headers: [['Content-Type', 'text/plain ;charset=utf-8']],
    body: 'x',
  },
  { id: 'ct-quoted', method: 'POST', headers: [['Content-Type', 'text/plain; charset="utf-8"']], body: 'x' },
  { id: 'ct-upper', method: 'POST', headers: [['Content-Type', 'TEXT/PLAIN']], body: 'x' },
  { id: 'ct-two', method: 'POST', headers: [['Content-Type', 'text/plain, application/json']], body: 'x' },
  {
    id: 'ct-multipart',
    method: 'POST',
    headers: [['Content-Type', 'multipart/form-data; boundary=b']],
    body: 'x',
  },
  {
    id: 'ct-json-unlisted',
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Trace', '1'],
    ],
    body: 'x',
  },
  { id: 'accept-128', headers: [['Accept', long(128)]] },
  { id: 'accept-129', headers: [['Accept', long(129)]] },
  { id: 'accept-unsafe', headers: [['Accept', 'text/html(x)']] },
  { id: 'language-bad', headers: [['Accept-Language', 'en_US']] },
  { id: 'content-language', headers: [['Content-Language', 'de-DE, en;q=0.5']] },
  { id: 'range-simple', headers: [['Range', 'bytes=0-99']] },
  { id: 'range-multi', headers: [['Range', 'bytes=0-1,5-9']] },
  { id: 'dpr-number', headers: [['DPR', '2.5']] },
  { id: 'dpr-word', headers: [['DPR', 'high']] },
  { id: 'save-data-on', headers: [['Save-Data', 'ON']] },
  { id: 'save-data-off', headers: [['Save-Data', 'off']] },
  {
    id: 'over-1024',
    headers: [
      ['Accept', long(128)],
      ['Accept-Language', long(128)],
      ['Content-Language', long(128)],
      ['Content-Type', `text/plain;${long(117)}`],
      ['Intervention', long(128)],
      ['DPR', long(128, '1')],
      ['Width', long(128, '2')],
      ['Viewport-Width', long(128, '3')],
      ['Device-Memory', long(10, '4')],
    ],
    method: 'POST',
    body: 'x',
  },
  {
    id: 'at-1024',
    headers: [
      ['Accept', long(128)],
      ['Accept-Language', long(128)],
      ['Content-Language', long(128)],
      ['Content-Type', `text/plain;${long(117)}`],
      ['Intervention', long(128)],
      ['DPR', long(128, '1')],
      ['Width', long(128, '2')],
      ['Viewport-Width', long(128, '3')],
    ],
    method: 'POST',
    body: 'x',
  },
  {
    id: 'forbidden-dropped',
    headers: [
      ['Cookie', 'a=b'],
      ['User-Agent', 'x'],
      ['Sec-Thing', '1'],
      ['Proxy-Auth', '1'],
    ],
  },
  { id: 'override-trace', headers: [['X-HTTP-Method-Override', 'TRACE']] },
  { id: 'override-put', headers: [['X-HTTP-Method-Override', 'PUT']] },
  {
    id: 'two-refused',
    headers: [
      ['X-Trace', '1'],
      ['X-Debug', '1'],
      ['X-Api-Key', 'k'],
    ],
  },
  {
    id: 'repeated-header',
    headers: [
      ['X-Api-Key', 'a'],
      ['X-Api-Key', 'b'],
    ],
  },
  { id: 'method-put-lower', method: 'put' },
  { id: 'method-custom', method: 'PURGE' },
];

/** Requests the browser refuses before sending anything: `fetch()` throws. */
export const TYPE_ERROR_REQUESTS: MatrixRequest[] = [
  { id: 'trace', method: 'TRACE' },
  { id: 'connect-lower', method: 'connect' },
  { id: 'bad-method', method: 'GET POST' },
  { id: 'get-with-body', body: 'x' },
  { id: 'bad-header-name', headers: [['X Bad', '1']] },
];

/** The plain matrix: every configuration crossed with its kind of requests, plus the safelist checks. */
export function plainMatrix(): PlainCase[] {
  const cases: PlainCase[] = [];
  const cross = (configs: Record<string, ServerConfig>, requests: readonly MatrixRequest[]) => {
    for (const config of Object.keys(configs)) {
      for (const request of requests) cases.push({ id: `${config} × ${request.id}`, config, request });
    }
  };
  cross(SIMPLE, SIMPLE_REQUESTS);
  cross(PREFLIGHTED, PREFLIGHT_REQUESTS);
  cross(REDIRECTING, REDIRECT_REQUESTS);
  for (const request of SAFELIST_REQUESTS)
    cases.push({ id: `pf-listed × ${request.id}`, config: 'pf-listed', request });
  for (const request of [SIMPLE_REQUESTS[0]!, PREFLIGHT_REQUESTS[0]!]) {
    cases.push({ id: `same-origin acao-none × ${request.id}`, config: 'acao-none', request, from: 'same' });
  }
  return cases;
}
