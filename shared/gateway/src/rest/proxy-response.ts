import { mediaType } from '../server/gateway-request.js';
import {
  decodeBase64Strictly,
  firstAcceptedMediaType,
  isBinaryMediaType,
  matchesBinaryMediaType,
} from './binary-media-types.js';
import { remapResponseHeaders } from './restricted-headers.js';

const ALLOWED_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** A Lambda proxy result turned into an HTTP answer. */
export interface ProxyAnswer {
  readonly status: number;
  readonly headers: Array<[string, string]>;
  readonly body: string | Buffer;
}

/** A well-formed Lambda proxy result (payload format 1.0), before its body is decoded. */
export interface ProxyResult {
  readonly status: number;
  /** Merged `multiValueHeaders` and `headers`, in the result's order, `Content-Length` included. */
  readonly headers: Array<[string, string]>;
  readonly hasContentType: boolean;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/**
 * Reads the JSON a Lambda proxy integration returned (payload format 1.0) with API Gateway's rules: only
 * `statusCode`, `headers`, `multiValueHeaders`, `body` and `isBase64Encoded` are allowed; `statusCode` may
 * be a numeric string from 200 to 599 (a 1xx cannot end a request); `{}` is a 200 with an empty body; a header in both maps is sent once as
 * `"multi, single"`, under the name `multiValueHeaders` spells.
 * @returns `undefined` for a malformed result (API Gateway answers 502)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
 */
export function parseProxyResult(payload: string): ProxyResult | undefined {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return undefined;
  const record = result as Record<string, unknown>;
  for (const key in record) if (!ALLOWED_KEYS.has(key)) return undefined;

  let status = 200;
  if (record.statusCode !== undefined && record.statusCode !== null) {
    status =
      typeof record.statusCode === 'string' && /^\d+$/.test(record.statusCode)
        ? Number(record.statusCode)
        : (record.statusCode as number);
    if (!Number.isInteger(status) || status < 200 || status > 599) return undefined;
  }

  const merged = new Map<string, [string, string[]]>();
  const add = (name: string, values: string[], takeCase: boolean) => {
    const key = name.toLowerCase();
    const existing = merged.get(key);
    if (existing) {
      existing[1].push(...values);
      if (takeCase) existing[0] = name;
    } else merged.set(key, [name, values]);
  };
  const multi = record.multiValueHeaders;
  if (multi !== undefined && multi !== null) {
    if (typeof multi !== 'object' || Array.isArray(multi)) return undefined;
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values)) return undefined;
      add(name, values.map(String), true);
    }
  }
  const single = record.headers;
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object' || Array.isArray(single)) return undefined;
    for (const [name, value] of Object.entries(single)) {
      if (value !== null && typeof value === 'object') return undefined;
      add(name, [String(value)], false);
    }
  }
  const headers: Array<[string, string]> = [];
  for (const [name, values] of merged.values()) headers.push([name, values.join(', ')]);

  const rawBody = record.body;
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== 'string') return undefined;
  return {
    status,
    headers,
    hasContentType: merged.has('content-type'),
    body: rawBody ?? '',
    isBase64Encoded: record.isBase64Encoded === true,
  };
}

/**
 * The answer of a REST API to a Lambda proxy result: `Content-Type: application/json` unless the result
 * sets one; headers API Gateway reserves sent as `x-amzn-Remapped-<name>` (see `responseHeaderName`); a
 * base64 body decoded only when the **first** `Accept` entry is one of the API's binary media types (the
 * result's `Content-Type` plays no part), as recorded on AWS by the LocalStack test
 * `test_apigateway_lambda.py::test_aws_proxy_binary_response` (validated 2025-01-29).
 * @returns `'malformed'` (API Gateway answers 502), or `'invalid-base64'` when the body must be decoded
 *   but is not valid base64 (API Gateway answers 500)
 */
export function restProxyAnswer(
  payload: string,
  accept: string | undefined,
  binaryMediaTypes: readonly string[],
): ProxyAnswer | 'malformed' | 'invalid-base64' {
  const result = parseProxyResult(payload);
  if (!result) return 'malformed';
  const headers = remapResponseHeaders(result.headers);
  if (!result.hasContentType) headers.unshift(['Content-Type', 'application/json']);
  if (!result.isBase64Encoded || !isBinaryMediaType(binaryMediaTypes, firstAcceptedMediaType(accept))) {
    return { status: result.status, headers, body: result.body };
  }
  const decoded = decodeBase64Strictly(result.body);
  return decoded ? { status: result.status, headers, body: decoded } : 'invalid-base64';
}

/**
 * Turns a Lambda proxy result (payload format 1.0) into an HTTP answer with the rules of
 * {@link parseProxyResult}, `Content-Type: application/json` by default, no `Content-Length` of the
 * result's, and a base64 body decoded when `Accept` names a media type of `binaryMediaTypes`.
 * @returns `undefined` for a malformed result
 */
export function proxyAnswer(
  payload: string,
  accept: string | undefined,
  binaryMediaTypes: readonly string[],
): ProxyAnswer | undefined {
  const result = parseProxyResult(payload);
  if (!result) return undefined;
  const headers = result.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  if (!result.hasContentType) headers.unshift(['Content-Type', 'application/json']);
  let body: string | Buffer = result.body;
  const type = mediaType(accept);
  if (
    result.isBase64Encoded &&
    type !== undefined &&
    binaryMediaTypes.some((entry) => matchesBinaryMediaType(entry, type))
  ) {
    body = Buffer.from(body, 'base64');
  }
  return { status: result.status, headers, body };
}
