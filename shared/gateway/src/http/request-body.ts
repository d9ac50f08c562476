import { mediaType } from '../server/gateway-request.js';

/** Media types whose bodies an HTTP API passes to Lambda as text; everything else is base64-encoded. */
const TEXT_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
]);

/** A request body as a Lambda proxy event carries it. */
export interface EventBody {
  /** The body, as text or in base64; `undefined` when the request has none. */
  readonly body: string | undefined;
  readonly isBase64Encoded: boolean;
}

/**
 * Encodes a request body for an HTTP API's Lambda event: as UTF-8 text for `text/*`, `application/json`,
 * `application/xml` and `application/javascript`, else in base64 with `isBase64Encoded: true` — which
 * includes a body sent without `Content-Type` and `application/x-www-form-urlencoded`. HTTP APIs have no
 * `binaryMediaTypes`; the list is the one observed on AWS (the documentation only says binary bodies are
 * base64-encoded).
 * @param body - the body bytes
 * @param contentType - the request's `Content-Type`
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function encodeRequestBody(body: Buffer, contentType: string | undefined): EventBody {
  if (body.length === 0) return { body: undefined, isBase64Encoded: false };
  const type = mediaType(contentType);
  const isText = type !== undefined && (type.startsWith('text/') || TEXT_MEDIA_TYPES.has(type));
  return isText
    ? { body: body.toString('utf8'), isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}
