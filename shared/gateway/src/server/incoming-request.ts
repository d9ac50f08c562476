import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { GatewayRequest, GatewayResponse, RequestRefusal } from './gateway-request.js';
import { originFormTarget, URL_QUOTA_CHARACTERS } from './request-checks.js';

/** The body of a request that has none. */
export const EMPTY_BODY = Buffer.alloc(0);

/** The answer to a request that arrives while the server shuts down, or is still running when it stops. */
export const SHUTTING_DOWN: GatewayResponse = {
  status: 503,
  headers: [['Content-Type', 'application/json']],
  body: '{"message":"Service Unavailable"}',
  integration: 'gateway shutting down',
};

/** The answer to a client too slow to send its request. */
export const REQUEST_TIMEOUT: GatewayResponse = {
  status: 408,
  headers: [['Content-Type', 'application/json']],
  body: '{"message":"Request Timeout"}',
  integration: 'request timeout',
};

/** The answer to bytes that are not an HTTP request. */
export const BAD_REQUEST: GatewayResponse = {
  status: 400,
  headers: [['Content-Type', 'application/json']],
  body: '{"message":"Bad Request"}',
  integration: 'malformed request',
};

/** A request as the pipelines see it, read from Node's message once its body (if any) has arrived. */
export function gatewayRequest(
  req: IncomingMessage,
  body: Buffer,
  receivedAt: number,
  refusal?: RequestRefusal,
): GatewayRequest {
  const url = originFormTarget(req.url ?? '/');
  const question = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: question === -1 ? url : url.slice(0, question),
    rawQuery: question === -1 ? '' : url.slice(question + 1),
    rawHeaders: req.rawHeaders,
    body,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    protocol: `HTTP/${req.httpVersion}`,
    receivedAt,
    ...(refusal ? { refusal } : {}),
  };
}

/** A stand-in for a request the parser could not read. */
export function brokenRequest(socket: Socket, receivedAt: number): GatewayRequest {
  return {
    method: 'GET',
    path: '/',
    rawQuery: '',
    rawHeaders: [],
    body: EMPTY_BODY,
    sourceIp: socket.remoteAddress ?? '127.0.0.1',
    protocol: 'HTTP/1.1',
    receivedAt,
  };
}

/** Whether the request line in `packet` is longer than the URL quota allows (or never ends in it). */
export function longFirstLine(packet: Buffer | undefined): boolean {
  if (!packet) return false;
  const end = packet.indexOf('\r\n');
  return (end === -1 ? packet.length : end) > URL_QUOTA_CHARACTERS + 16;
}
