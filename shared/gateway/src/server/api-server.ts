import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from './gateway-request.js';

const EMPTY_BODY = Buffer.alloc(0);

const INTERNAL_ERROR: GatewayResponse = {
  status: 500,
  headers: [['Content-Type', 'application/json']],
  body: '{"message":"Internal server error"}',
  integration: 'gateway',
};

/** Answers one request; must not throw or reject (if it does, the error is logged and answered with a bare 500). */
export type RequestPipeline = (request: GatewayRequest) => Promise<GatewayResponse> | GatewayResponse;

/**
 * An HTTP listener for one API: reads each request fully, hands it to the API's pipeline and writes the
 * answer with exactly the pipeline's headers. Each API listens on its own port, so each API is its own
 * origin, as it is on AWS.
 */
export class ApiServer {
  readonly #server: Server;
  readonly #logger: GatewayLogger;
  #pipeline: RequestPipeline;

  readonly #observer:
    | ((request: GatewayRequest, response: GatewayResponse, finishedAt: number) => void)
    | undefined;

  /**
   * @param observer - called after each answer (the lab shows the exchanges)
   */
  constructor(
    pipeline: RequestPipeline,
    logger: GatewayLogger,
    observer?: (request: GatewayRequest, response: GatewayResponse, finishedAt: number) => void,
  ) {
    this.#pipeline = pipeline;
    this.#logger = logger;
    this.#observer = observer;
    this.#server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => this.#onRequest(req, res));
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

  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const receivedAt = Date.now();
    const headers = req.headers;
    if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
      // No body: answer at once, without waiting for the stream's end.
      this.#dispatch(req, res, EMPTY_BODY, receivedAt);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      this.#dispatch(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), receivedAt);
    });
  }

  #dispatch(req: IncomingMessage, res: ServerResponse, body: Buffer, receivedAt: number): void {
    const url = req.url ?? '/';
    const question = url.indexOf('?');
    const request: GatewayRequest = {
      method: req.method ?? 'GET',
      path: question === -1 ? url : url.slice(0, question),
      rawQuery: question === -1 ? '' : url.slice(question + 1),
      rawHeaders: req.rawHeaders,
      body,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      protocol: `HTTP/${req.httpVersion}`,
      receivedAt,
    };
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
    const flat: string[] = [];
    for (const [name, value] of response.headers) flat.push(name, value);
    const noBody = response.status === 204 || response.status === 304 || request.method === 'HEAD';
    if (!noBody) flat.push('Content-Length', String(Buffer.byteLength(response.body)));
    res.writeHead(response.status, flat);
    res.end(noBody ? undefined : response.body);
    const finishedAt = Date.now();
    this.#logger.info(
      `${request.method} ${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''} ${response.status} ${finishedAt - request.receivedAt}ms ${response.integration}`,
    );
    this.#observer?.(request, response, finishedAt);
  }
}
