import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse, RequestRefusal } from './gateway-request.js';
import {
  BAD_REQUEST,
  brokenRequest,
  EMPTY_BODY,
  gatewayRequest,
  longFirstLine,
  REQUEST_TIMEOUT,
  SHUTTING_DOWN,
} from './incoming-request.js';
import { PAYLOAD_QUOTA_BYTES, refusalOf } from './request-checks.js';
import { INTERNAL_ERROR, serializeResponse, writeResponse } from './response-writer.js';

/**
 * The head size Node's parser accepts at most: above the quota, so that a request a little over it is
 * still parsed and refused with the API's own answer; far above it, the parser stops reading.
 */
const PARSER_HEAD_LIMIT_BYTES = 16 * 1024;

/** Answers one request; must not throw or reject (if it does, the error is logged and answered with a bare 500). */
export type RequestPipeline = (request: GatewayRequest) => Promise<GatewayResponse> | GatewayResponse;

/** Called after each answer (the lab shows the exchanges). */
export type ExchangeObserver = (
  request: GatewayRequest,
  response: GatewayResponse,
  finishedAt: number,
) => void;

/** How long a client may take, so that slow or idle connections cannot pile up. */
export interface ApiServerTimeouts {
  /** Time to receive a request's line and headers, counted from the connection or the previous request. @default 10000 */
  readonly headersTimeoutMs?: number;
  /** Time to receive a whole request, body included. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Time an idle keep-alive connection stays open. @default 60000 */
  readonly keepAliveTimeoutMs?: number;
}

/**
 * An HTTP listener for one API: reads each request, hands it to the API's pipeline and writes the answer
 * with exactly the pipeline's headers. Each API listens on its own port, so each API is its own origin, as
 * it is on AWS.
 *
 * It enforces API Gateway's quotas before the API sees a request (a 10 MB body, refused while it streams,
 * never buffered past the quota; 10,240 bytes of request line and headers; 10,240 characters of URL) and
 * hands the refusal to the pipeline, which answers it as its API does. Every response goes through
 * `writeResponse`, so nothing a function or template produces can throw out of the server.
 */
export class ApiServer {
  readonly #server: Server;
  readonly #logger: GatewayLogger;
  readonly #observer: ExchangeObserver | undefined;
  readonly #inFlight = new Map<ServerResponse, GatewayRequest>();
  #pipeline: RequestPipeline;
  #closing = false;
  #drained: (() => void) | undefined;

  /**
   * @param observer - called after each answer (the lab shows the exchanges)
   * @param timeouts - how long slow clients may take
   */
  constructor(
    pipeline: RequestPipeline,
    logger: GatewayLogger,
    observer?: ExchangeObserver,
    timeouts: ApiServerTimeouts = {},
  ) {
    this.#pipeline = pipeline;
    this.#logger = logger;
    this.#observer = observer;
    const requestTimeout = timeouts.requestTimeoutMs ?? 30_000;
    this.#server = createServer(
      {
        keepAliveTimeout: timeouts.keepAliveTimeoutMs ?? 60_000,
        headersTimeout: Math.min(timeouts.headersTimeoutMs ?? 10_000, requestTimeout),
        requestTimeout,
        connectionsCheckingInterval: Math.min(1000, requestTimeout),
        maxHeaderSize: PARSER_HEAD_LIMIT_BYTES,
      },
      (req, res) => this.#onRequest(req, res),
    );
    this.#server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      // Refuse an oversized body before the client sends it.
      if (!refusalOf(req)) res.writeContinue();
      this.#onRequest(req, res);
    });
    this.#server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
      this.#onClientError(error, socket),
    );
  }

  /** Listens on `host:port` (`0` picks a free port) and resolves with the port taken. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.#server.once('error', onError);
      this.#server.listen(port, host, () => {
        this.#server.off('error', onError);
        resolve((this.#server.address() as AddressInfo).port);
      });
    });
  }

  /** Serves the next requests with `pipeline` (a reloaded version of the same API). */
  replacePipeline(pipeline: RequestPipeline): void {
    this.#pipeline = pipeline;
  }

  /**
   * Stops accepting connections and closes idle ones; requests in flight may finish for `graceMs`, and
   * those still running then are answered 503 before every connection is closed. A request arriving on an
   * open connection meanwhile gets 503 and `Connection: close`.
   * @param graceMs - how long requests in flight may take to finish
   * @default graceMs 0
   */
  async close(graceMs = 0): Promise<void> {
    this.#closing = true;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    if (graceMs > 0 && this.#inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
        timer = setTimeout(resolve, graceMs);
      });
      clearTimeout(timer);
    }
    for (const [res, request] of this.#inFlight) {
      if (!res.headersSent) writeResponse(res, request, SHUTTING_DOWN, this.#logger, true);
    }
    this.#inFlight.clear();
    this.#server.closeAllConnections();
    await closed;
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const receivedAt = Date.now();
    if (this.#closing) {
      this.#write(gatewayRequest(req, EMPTY_BODY, receivedAt), SHUTTING_DOWN, res);
      return;
    }
    const refusal = refusalOf(req);
    if (refusal) {
      this.#dispatch(req, res, EMPTY_BODY, receivedAt, refusal);
      return;
    }
    const headers = req.headers;
    if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
      // No body: answer at once, without waiting for the stream's end.
      this.#dispatch(req, res, EMPTY_BODY, receivedAt);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= PAYLOAD_QUOTA_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Over the quota while streaming: answer now and drop what was read.
      refused = true;
      chunks.length = 0;
      this.#dispatch(req, res, EMPTY_BODY, receivedAt, 'payload-too-large');
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      this.#dispatch(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), receivedAt);
    });
  }

  #dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    receivedAt: number,
    refusal?: RequestRefusal,
  ): void {
    const request = gatewayRequest(req, body, receivedAt, refusal);
    this.#inFlight.set(res, request);
    let answer: GatewayResponse | Promise<GatewayResponse>;
    try {
      answer = this.#pipeline(request);
    } catch (error) {
      this.#fail(request, res, error);
      return;
    }
    if (answer instanceof Promise) {
      answer.then(
        (response) => this.#write(request, response, res),
        (error: unknown) => this.#fail(request, res, error),
      );
    } else {
      this.#write(request, answer, res);
    }
  }

  #fail(request: GatewayRequest, res: ServerResponse, error: unknown): void {
    this.#logger.error(
      `${request.method} ${request.path} failed inside the gateway: ${(error as Error)?.stack ?? error}`,
    );
    this.#write(request, INTERNAL_ERROR, res);
  }

  #write(request: GatewayRequest, response: GatewayResponse, res: ServerResponse): void {
    this.#inFlight.delete(res);
    if (this.#inFlight.size === 0) this.#drained?.();
    if (res.headersSent || res.destroyed) {
      this.#logger.error(
        `${request.method} ${request.path} answered ${response.status} after its connection was closed`,
      );
      return;
    }
    // A refused request's body may still be arriving: close the connection after the answer.
    const close = this.#closing || request.refusal !== undefined;
    const written = writeResponse(res, request, response, this.#logger, close);
    this.#logExchange(request, written);
  }

  #logExchange(request: GatewayRequest, response: GatewayResponse): void {
    const finishedAt = Date.now();
    this.#logger.info(
      `${request.method} ${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''} ${response.status} ${finishedAt - request.receivedAt}ms ${response.integration}`,
    );
    try {
      this.#observer?.(request, response, finishedAt);
    } catch (error) {
      this.#logger.error(`the exchange observer failed: ${(error as Error)?.stack ?? error}`);
    }
  }

  /**
   * A connection Node's parser gave up on. A head far over the quota is refused with the API's answer;
   * a request that timed out gets 408, any other malformed request 400; the connection is closed.
   */
  #onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (inFlight?.req.complete && !inFlight.writableFinished && socket.writable) {
      // The bytes after a complete request are broken (say, a garbled pipelined request): answer the
      // request in flight, then close the connection.
      if (!inFlight.headersSent) inFlight.shouldKeepAlive = false;
      inFlight.once('close', () => socket.destroy());
      return;
    }
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const receivedAt = Date.now();
    const request = brokenRequest(socket, receivedAt);
    if (inFlight) {
      // The request in flight itself never completed (its body stopped arriving): answer it here.
      this.#inFlight.delete(inFlight);
      const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
      writeResponse(inFlight, request, timedOut ? REQUEST_TIMEOUT : BAD_REQUEST, this.#logger, true);
      inFlight.once('finish', () => socket.destroy());
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const packet = (error as { rawPacket?: Buffer }).rawPacket;
      const refusal = longFirstLine(packet) ? 'uri-too-long' : 'headers-too-large';
      const refused = { ...request, refusal } satisfies GatewayRequest;
      Promise.resolve()
        .then(() => this.#pipeline(refused))
        .catch(() => INTERNAL_ERROR)
        .then((response) => this.#endSocket(socket, refused, response));
      return;
    }
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (!timedOut) this.#logger.info(`malformed request from ${request.sourceIp}: ${error.message}`);
    this.#endSocket(socket, request, timedOut ? REQUEST_TIMEOUT : BAD_REQUEST);
  }

  #endSocket(socket: Socket, request: GatewayRequest, response: GatewayResponse): void {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(serializeResponse(request, response, this.#logger));
    socket.on('error', () => socket.destroy());
    this.#logExchange(request, response);
  }
}
