import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';
import { type PreparedHeaders, prepareHeaders, unsendableStatus } from './response-headers.js';

/** The answer when nothing better can be sent: what API Gateway answers for an internal failure. */
export const INTERNAL_ERROR: GatewayResponse = {
  status: 500,
  headers: [['Content-Type', 'application/json']],
  body: '{"message":"Internal server error"}',
  integration: 'gateway',
};

/** A response checked and ready for the wire. */
interface SendableResponse {
  /** The response that goes out: the one asked for, its fallback, or {@link INTERNAL_ERROR}. */
  readonly response: GatewayResponse;
  readonly status: number;
  readonly flat: string[];
  readonly body: string | Buffer;
}

/**
 * Writes one response: the only place the gateway writes responses, so that nothing a client, a template
 * or a function produces can make Node throw and take the process down.
 *
 * The status and headers are checked first (see `prepareHeaders`). A response that cannot be sent is
 * replaced by its `fallback` — what API Gateway answers for a malformed integration response — and the
 * reason is logged; the fallback is checked too, and {@link INTERNAL_ERROR} is the last resort. The server
 * frames the body itself with `Content-Length` (none for `HEAD`, 204 and 304).
 * @param close - ask the client to close the connection after this response
 * @returns the response that was written
 */
export function writeResponse(
  res: ServerResponse,
  request: GatewayRequest,
  response: GatewayResponse,
  logger: GatewayLogger,
  close = false,
): GatewayResponse {
  const ready = sendable(request, response, logger);
  const flat = ready.flat;
  if (close) flat.push('Connection', 'close');
  try {
    res.writeHead(ready.status, STATUS_CODES[ready.status] ?? 'Unknown', flat);
    res.end(isBodyless(request, ready.status) ? undefined : ready.body);
    return ready.response;
  } catch (error) {
    logger.error(
      `${request.method} ${request.path} could not be written: ${(error as Error)?.stack ?? error}`,
    );
    if (res.headersSent) {
      res.destroy();
    } else {
      const body = INTERNAL_ERROR.body as string;
      res.writeHead(500, 'Internal Server Error', [
        'Content-Type',
        'application/json',
        'Content-Length',
        String(Buffer.byteLength(body)),
      ]);
      res.end(body);
    }
    return INTERNAL_ERROR;
  }
}

/**
 * The bytes of a complete response, for a connection the HTTP parser gave up on (the server cannot use a
 * `ServerResponse` there). The headers are checked as {@link writeResponse} checks them, and the
 * connection is closed after it.
 */
export function serializeResponse(
  request: GatewayRequest,
  response: GatewayResponse,
  logger: GatewayLogger,
): Buffer {
  const ready = sendable(request, response, logger);
  const lines = [`HTTP/1.1 ${ready.status} ${STATUS_CODES[ready.status] ?? 'Unknown'}`];
  for (let i = 0; i < ready.flat.length; i += 2) lines.push(`${ready.flat[i]}: ${ready.flat[i + 1]}`);
  lines.push(`Date: ${new Date().toUTCString()}`, 'Connection: close', '', '');
  const head = Buffer.from(lines.join('\r\n'), 'latin1');
  const body = isBodyless(request, ready.status) ? Buffer.alloc(0) : Buffer.from(ready.body);
  return Buffer.concat([head, body]);
}

function isBodyless(request: GatewayRequest, status: number): boolean {
  return status === 204 || status === 304 || request.method === 'HEAD';
}

function sendable(request: GatewayRequest, asked: GatewayResponse, logger: GatewayLogger): SendableResponse {
  const where = `${request.method} ${request.path}`;
  let response = asked;
  let prepared = check(response);
  if ('reason' in prepared) {
    const fallback = response.fallback;
    logger.error(
      `${where}: the response of ${response.integration} cannot be sent: ${prepared.reason}${fallback ? '; answering as API Gateway answers a malformed integration response' : ''}`,
    );
    response = INTERNAL_ERROR;
    if (fallback) {
      try {
        response = fallback();
      } catch (error) {
        logger.error(`${where}: the fallback response failed: ${(error as Error)?.stack ?? error}`);
      }
    }
    prepared = check(response);
    if ('reason' in prepared) {
      logger.error(`${where}: the fallback of ${response.integration} cannot be sent: ${prepared.reason}`);
      response = INTERNAL_ERROR;
      prepared = check(response) as { flat: string[]; dropped: readonly string[] };
    }
  }
  const { flat, dropped } = prepared;
  if (dropped.length > 0) {
    logger.info(
      `${where}: left out ${dropped.join(', ')} of ${response.integration}: the server frames the response itself`,
    );
  }
  const rawBody = response.body;
  const body = typeof rawBody === 'string' || Buffer.isBuffer(rawBody) ? rawBody : String(rawBody);
  if (!isBodyless(request, response.status)) flat.push('Content-Length', String(Buffer.byteLength(body)));
  return { response, status: response.status, flat, body };
}

/** The status and headers of `response` made ready for the wire, or why they cannot be sent. */
function check(response: GatewayResponse): PreparedHeaders {
  const badStatus = unsendableStatus(response.status);
  if (badStatus) return { reason: badStatus };
  if (!Array.isArray(response.headers)) return { reason: 'the headers are not a list' };
  return prepareHeaders(response.headers);
}
