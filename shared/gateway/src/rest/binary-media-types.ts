/**
 * How a REST API's `binaryMediaTypes` decide what is binary, as AWS decides it (recorded on AWS by the
 * LocalStack test `test_apigateway_lambda.py::test_aws_proxy_binary_response`, validated 2025-01-29):
 *
 * - an entry `type/subtype` matches that media type, without regard to case;
 * - an entry `type/*` matches every subtype of `type` (and the value `type/*` itself);
 * - `*` on the left matches nothing (`*\/test` matches neither `random/test` nor `*\/test`), except the
 *   entry `*\/*`, which matches every well-formed media type;
 * - a value that is not `type/subtype` (e.g. `application`) matches nothing.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html
 */
export function matchesBinaryMediaType(entry: string, value: string): boolean {
  const type = splitMediaType(value);
  const pattern = splitMediaType(entry);
  if (!type || !pattern) return false;
  if (pattern.main === '*') return pattern.sub === '*';
  if (pattern.main !== type.main) return false;
  return pattern.sub === '*' || pattern.sub === type.sub;
}

/**
 * Whether `value` (a `Content-Type`, or one entry of `Accept`; parameters are ignored) is binary for an API
 * with these `binaryMediaTypes`.
 * @returns `false` when `value` is absent or malformed
 */
export function isBinaryMediaType(binaryMediaTypes: readonly string[], value: string | undefined): boolean {
  if (value === undefined || binaryMediaTypes.length === 0) return false;
  return binaryMediaTypes.some((entry) => matchesBinaryMediaType(entry, value));
}

/**
 * The entry of an `Accept` header that counts for binary responses: the first one only (AWS ignores the
 * others, whatever their `q`).
 */
export function firstAcceptedMediaType(accept: string | undefined): string | undefined {
  if (accept === undefined) return undefined;
  const first = accept.split(',')[0]!.trim();
  return first === '' ? undefined : first;
}

/**
 * Decodes base64 the way a strict decoder does: only the standard alphabet, optional `=` padding at the
 * end, no whitespace.
 * @returns `undefined` when `text` is not valid base64 (API Gateway then answers 500)
 */
export function decodeBase64Strictly(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  if (text.length !== unpadded.length && text.length % 4 !== 0) return undefined;
  return Buffer.from(text, 'base64');
}

function splitMediaType(value: string): { main: string; sub: string } | undefined {
  const semicolon = value.indexOf(';');
  const bare = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const slash = bare.indexOf('/');
  if (slash <= 0 || slash === bare.length - 1 || bare.indexOf('/', slash + 1) !== -1) return undefined;
  return { main: bare.slice(0, slash), sub: bare.slice(slash + 1) };
}
