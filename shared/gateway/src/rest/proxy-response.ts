import { mediaType } from '../server/gateway-request.js';
import { mediaTypeMatches } from './proxy-event.js';

const ALLOWED_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** A Lambda proxy result turned into an HTTP answer. */
export interface ProxyAnswer {
  readonly status: number;
  readonly headers: Array<[string, string]>;
  readonly body: string | Buffer;
}

/**
 * Turns the JSON a Lambda proxy integration returned (payload format 1.0) into an HTTP answer, with API
 * Gateway's rules: only `statusCode`, `headers`, `multiValueHeaders`, `body` and `isBase64Encoded` are
 * allowed; `statusCode` may be a numeric string; `{}` is a 200 with an empty body; `Content-Type` defaults
 * to `application/json`; a header in both maps is sent once as `"multi, single"`.
 * @returns `undefined` for a malformed result (API Gateway answers 502)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
 */
export function proxyAnswer(
  payload: string,
  accept: string | undefined,
  binaryMediaTypes: readonly string[],
): ProxyAnswer | undefined {
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
    if (!Number.isInteger(status) || status < 100 || status > 599) return undefined;
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
  let hasContentType = false;
  for (const [key, [name, values]] of merged) {
    if (key === 'content-type') hasContentType = true;
    if (key === 'content-length') continue;
    headers.push([name, values.join(', ')]);
  }
  if (!hasContentType) headers.unshift(['Content-Type', 'application/json']);

  const rawBody = record.body;
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== 'string') return undefined;
  let body: string | Buffer = rawBody ?? '';
  if (record.isBase64Encoded === true && typeof body === 'string') {
    const type = mediaType(accept);
    if (type !== undefined && binaryMediaTypes.some((pattern) => mediaTypeMatches(pattern, type))) {
      body = Buffer.from(body, 'base64');
    }
  }
  return { status, headers, body };
}
