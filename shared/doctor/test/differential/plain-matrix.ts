/**
 * The plain server's side of the differential matrix: the requests a page makes to the configurations of
 * `plain-configs.ts`, and their product.
 */
import type { CredentialsMode } from '../../src/index.js';
import type { ServerConfig } from './config-server.js';
import { PREFLIGHTED, REDIRECTING, SIMPLE } from './plain-configs.js';

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

export { PLAIN_CONFIGS } from './plain-configs.js';
