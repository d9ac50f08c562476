import { matchesBinaryMediaType } from './binary-media-types.js';

/** `ContentHandling` of an integration or integration response: how API Gateway converts the payload. */
export type ContentHandling = 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';

/**
 * Reads an integration's or integration response's `ContentHandling`. `CONVERT_TO_BINARY` is refused:
 * the gateway's integrations take and give text, so what AWS would hand them as a binary blob cannot be
 * emulated faithfully.
 * @returns the setting, or `undefined` when it is not set
 * @throws Error quoting the value when it is not `CONVERT_TO_TEXT`
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
 */
export function readContentHandling(value: unknown, where: string): ContentHandling | undefined {
  if (value === undefined) return undefined;
  if (value === 'CONVERT_TO_TEXT') return value;
  if (value === 'CONVERT_TO_BINARY') {
    throw new Error(`${where} ContentHandling CONVERT_TO_BINARY is not emulated by the local gateway`);
  }
  throw new Error(`${where} Invalid content handling specified: ${JSON.stringify(value)}`);
}

/**
 * Whether API Gateway takes a non-proxy request's payload as binary: its `Content-Type` (absent counts as
 * `application/json`, as for template selection) matches one of the API's `binaryMediaTypes`, whether or
 * not there is a body. That is why `binaryMediaTypes: ['*\/*']` turns a CORS preflight, which has no body
 * and no `Content-Type`, into binary data its MOCK request template cannot transform.
 */
export function isBinaryRequest(
  binaryMediaTypes: readonly string[],
  contentType: string | undefined,
): boolean {
  if (binaryMediaTypes.length === 0) return false;
  const type = contentType ?? 'application/json';
  return binaryMediaTypes.some((pattern) => matchesBinaryMediaType(pattern, type));
}
