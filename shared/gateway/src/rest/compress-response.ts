import { deflateSync, gzipSync } from 'node:zlib';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import { headerValue } from '../server/gateway-request.js';

/**
 * Compresses a REST API's answer as API Gateway does when the API sets `MinimumCompressionSize`: when the
 * client's `Accept-Encoding` names `gzip` or `deflate` (the first of them it lists) and the body has at
 * least that many bytes, the body is compressed and `Content-Encoding` says how. `identity`, other
 * encodings, or a smaller body leave the answer as it is.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gzip-compression-decompression.html
 */
export function compressResponse(
  response: GatewayResponse,
  request: GatewayRequest,
  minimumCompressionSize: number,
): GatewayResponse {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  if (body.length < minimumCompressionSize || body.length === 0) return response;
  const accepted = (headerValue(request.rawHeaders, 'accept-encoding') ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase());
  const encoding = accepted.find((name) => name === 'gzip' || name === 'deflate');
  if (!encoding) return response;
  if (response.headers.some(([name]) => name.toLowerCase() === 'content-encoding')) return response;
  const compressed = encoding === 'gzip' ? gzipSync(body) : deflateSync(body);
  return { ...response, headers: [...response.headers, ['Content-Encoding', encoding]], body: compressed };
}
