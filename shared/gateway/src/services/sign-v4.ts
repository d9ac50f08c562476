import { createHmac, hash } from 'node:crypto';
import type { AwsCredentials } from './aws-credentials.js';

/** A request to sign: what Signature Version 4 covers. */
export interface SignableRequest {
  readonly method: string;
  /** The full URL; its path must already be percent-encoded once, as it goes on the wire. */
  readonly url: URL;
  /** The headers to sign besides `host` and `x-amz-date` (names in any case). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Where and when the request is signed. */
export interface SigningScope {
  readonly region: string;
  /** The signing name of the service, e.g. `dynamodb`, `kinesis`. */
  readonly service: string;
  readonly credentials: AwsCredentials;
  /** @default new Date() */
  readonly now?: Date;
}

/**
 * Signs a request with AWS Signature Version 4 (`AWS4-HMAC-SHA256`) and returns the headers to add:
 * `X-Amz-Date`, `Authorization` and, for temporary credentials, `X-Amz-Security-Token`. Every header of
 * the request is signed, `host` included.
 *
 * The canonical path is encoded the way every service but S3 expects (each segment encoded once more);
 * S3 is not a service the gateway calls.
 * @example
 * ```ts
 * const added = signV4(
 *   { method: 'POST', url: new URL('https://dynamodb.us-east-1.amazonaws.com/'), headers, body },
 *   { region: 'us-east-1', service: 'dynamodb', credentials },
 * );
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function signV4(request: SignableRequest, scope: SigningScope): Record<string, string> {
  const amzDate = basicIsoTime(scope.now ?? new Date());
  const date = amzDate.slice(0, 8);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    headers.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '));
  }
  headers.set('host', request.url.host);
  headers.set('x-amz-date', amzDate);
  if (scope.credentials.sessionToken) headers.set('x-amz-security-token', scope.credentials.sessionToken);
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(request.url.pathname),
    request.url.search === '' ? '' : canonicalQuery(request.url.searchParams),
    ...names.map((name) => `${name}:${headers.get(name)}`),
    '',
    signedHeaders,
    sha256Hex(request.body),
  ].join('\n');
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const key = signingKey(scope.credentials.secretAccessKey, date, scope.region, scope.service);
  const signature = hmac(key, stringToSign).toString('hex');
  const added: Record<string, string> = {
    'X-Amz-Date': amzDate,
    Authorization: `AWS4-HMAC-SHA256 Credential=${scope.credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
  if (scope.credentials.sessionToken) added['X-Amz-Security-Token'] = scope.credentials.sessionToken;
  return added;
}

/** Signing keys by secret, date, region and service: a key is valid all day, and costs four HMACs. */
const signingKeys = new Map<string, Buffer>();

/** The key that signs for `date` (`YYYYMMDD`), `region` and `service`, derived once and kept. */
function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${date}\n${region}\n${service}\n${secret}`;
  let key = signingKeys.get(id);
  if (key === undefined) {
    key = hmac(`AWS4${secret}`, date);
    for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
    // Keys of earlier days (or rotated secrets) are never needed again.
    if (signingKeys.size >= 64) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}

/** `20261202T163000Z`: the ISO 8601 basic format of `x-amz-date`. */
function basicIsoTime(now: Date): string {
  const iso = now.toISOString(); // 2026-12-02T16:30:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SHA-256 of the UTF-8 text, in hex; the one-shot `hash` costs a third of a `Hash` object. */
function sha256Hex(data: string): string {
  return hash('sha256', data, 'hex');
}

/** RFC 3986 encoding: everything but unreserved characters, `%XX` in upper case. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalPath(pathname: string): string {
  if (pathname === '') return '/';
  return pathname
    .split('/')
    .map((segment) => encodeRfc3986(segment))
    .join('/');
}

function canonicalQuery(parameters: URLSearchParams): string {
  return [...parameters]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}
