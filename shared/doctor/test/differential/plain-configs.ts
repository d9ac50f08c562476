/**
 * The plain server's configurations of the differential matrix: answers to simple requests, preflight
 * answers, and redirects.
 */
import type { Rule, ServerConfig } from './config-server.js';

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
export const SIMPLE: Record<string, ServerConfig> = {
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
export const PREFLIGHTED: Record<string, ServerConfig> = {
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
export const REDIRECTING: Record<string, ServerConfig> = {
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
