import type { IncomingMessage } from 'node:http';
import type { RequestRefusal } from './gateway-request.js';

/**
 * API Gateway's payload quota: 10 MB, for REST and HTTP APIs alike (10,485,760 bytes is the figure AWS
 * quotes when it refuses one).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const PAYLOAD_QUOTA_BYTES = 10 * 1024 * 1024;

/**
 * API Gateway's quota on the request line and headers together: 10,240 bytes, names, values, white space
 * and line terminators included.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const REQUEST_HEAD_QUOTA_BYTES = 10_240;

/**
 * API Gateway's quota on the length of a URL, in characters, for a regional REST API (and the request
 * line of an HTTP API is bound by {@link REQUEST_HEAD_QUOTA_BYTES}).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
 */
export const URL_QUOTA_CHARACTERS = 10_240;

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * The request target in origin form (`/path?query`). A target in absolute form
 * (`GET http://host/prod/x HTTP/1.1`, as proxies send) is routed by its path, as any HTTP/1.1 server must
 * accept it.
 * @see https://www.rfc-editor.org/rfc/rfc9112#name-absolute-form
 */
export function originFormTarget(target: string): string {
  if (target.startsWith('/')) return target;
  const scheme = ABSOLUTE_FORM.exec(target);
  if (!scheme) return target;
  const rest = target.slice(scheme[0].length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/**
 * The size of the request line and headers as the client sent them: `METHOD target HTTP/1.1`, each
 * `name: value`, every line with its CRLF.
 */
export function requestHeadBytes(req: IncomingMessage): number {
  // Node decodes the head as Latin-1, so a string's length is its size in bytes.
  let size = (req.method?.length ?? 0) + (req.url?.length ?? 0) + 12; // two spaces, HTTP/x.y, CRLF
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) size += raw[i]!.length + raw[i + 1]!.length + 4;
  return size;
}

/**
 * Why the server refuses a request from its head alone, or `undefined`: two `Host` headers
 * (`bad-request`), a URL over {@link URL_QUOTA_CHARACTERS}, a request line and headers over
 * {@link REQUEST_HEAD_QUOTA_BYTES}, or a `Content-Length` over {@link PAYLOAD_QUOTA_BYTES}.
 */
export function refusalOf(req: IncomingMessage): RequestRefusal | undefined {
  const raw = req.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host') hosts++;
  }
  if (hosts > 1) return 'bad-request';
  if ((req.url?.length ?? 0) > URL_QUOTA_CHARACTERS) return 'uri-too-long';
  if (requestHeadBytes(req) > REQUEST_HEAD_QUOTA_BYTES) return 'headers-too-large';
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) > PAYLOAD_QUOTA_BYTES) return 'payload-too-large';
  return undefined;
}
