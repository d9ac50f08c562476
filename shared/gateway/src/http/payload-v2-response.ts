import { FRAMING_HEADERS, type HttpAnswer, type MalformedResult, malformed } from './http-answer.js';

/** `Content-Type` of a structured result that names none, as HTTP APIs label it. */
export const DEFAULT_STRUCTURED_CONTENT_TYPE = 'text/plain; charset=utf-8';

/**
 * Turns what a Lambda function returned to a payload format 2.0 integration into the response, the way
 * HTTP APIs read it:
 *
 * - a JSON object with a `statusCode` is a *structured* result: `statusCode` (an integer, or a string of
 *   digits, from 200 to 599: a 1xx cannot end a request), `headers` (string, number or boolean values; names are sent in lower case),
 *   `cookies` (each becomes a `set-cookie` header, before any `set-cookie` of `headers`), `body` (a string)
 *   and `isBase64Encoded` (the body is decoded from base64). Without a `content-type` header the body is
 *   labelled `text/plain; charset=utf-8`. Other members are ignored.
 * - anything else is returned as it is: status 200, `content-type: application/json`, and the whole result
 *   as the body — a string without its JSON quotes, any other value as its JSON text (so `null` for a
 *   function that returns nothing).
 *
 * @param payload - the JSON text the function returned
 * @returns the answer, or why it is malformed (API Gateway then answers 500 Internal Server Error)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.v2
 * @example
 * ```ts
 * interpretResultV2('{"statusCode":200,"body":"{\\"state\\":\\"ok\\"}"}');
 * // { status: 200, headers: [['content-type', 'text/plain; charset=utf-8']], body: '{"state":"ok"}' }
 * ```
 */
export function interpretResultV2(payload: string): HttpAnswer | MalformedResult {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return malformed(`the function's output is not JSON: ${payload.slice(0, 200)}`);
  }
  const isObject = result !== null && typeof result === 'object' && !Array.isArray(result);
  if (!isObject || !Object.hasOwn(result as object, 'statusCode')) {
    return {
      status: 200,
      headers: [['content-type', 'application/json']],
      body: typeof result === 'string' ? result : payload,
    };
  }
  return structured(result as Record<string, unknown>);
}

function structured(record: Record<string, unknown>): HttpAnswer | MalformedResult {
  const code = record.statusCode;
  const status = typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    return malformed(`statusCode must be an integer from 200 to 599, got ${JSON.stringify(code)}`);
  }

  const headers: Array<[string, string]> = [];
  const cookies = record.cookies;
  if (cookies !== undefined && cookies !== null) {
    if (!Array.isArray(cookies) || cookies.some((cookie) => typeof cookie !== 'string')) {
      return malformed(`cookies must be a list of strings, got ${JSON.stringify(cookies)}`);
    }
    for (const cookie of cookies as string[]) headers.push(['set-cookie', cookie]);
  }
  let hasContentType = false;
  const given = record.headers;
  if (given !== undefined && given !== null) {
    if (typeof given !== 'object' || Array.isArray(given)) {
      return malformed(`headers must be an object, got ${JSON.stringify(given)}`);
    }
    const byName = new Map<string, [string, string]>();
    for (const [name, value] of Object.entries(given)) {
      if (value === null || typeof value === 'object') {
        return malformed(
          `the value of header ${JSON.stringify(name)} must be a string, number or boolean, got ${JSON.stringify(value)}`,
        );
      }
      const lower = name.toLowerCase();
      if (FRAMING_HEADERS.has(lower)) continue;
      if (lower === 'content-type') hasContentType = true;
      const existing = byName.get(lower);
      if (existing && lower !== 'set-cookie') {
        existing[1] = `${existing[1]},${String(value)}`;
        continue;
      }
      const pair: [string, string] = [lower, String(value)];
      byName.set(lower, pair);
      headers.push(pair);
    }
  }
  if (!hasContentType) headers.unshift(['content-type', DEFAULT_STRUCTURED_CONTENT_TYPE]);

  const rawBody = record.body;
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== 'string') {
    return malformed(`body must be a string, got ${JSON.stringify(rawBody).slice(0, 200)}`);
  }
  const text = rawBody ?? '';
  const body = record.isBase64Encoded === true ? Buffer.from(text, 'base64') : text;
  return { status, headers, body };
}
