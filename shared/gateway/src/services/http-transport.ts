import http from 'node:http';
import https from 'node:https';

/** One HTTP request to a service endpoint. */
export interface TransportRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body; `''` sends none. */
  readonly body: string;
  /** When to give up waiting for the whole answer. */
  readonly signal?: AbortSignal;
}

/** A service's whole answer. */
export interface TransportResponse {
  readonly status: number;
  /** Header name/value pairs, names in lower case, in the order received. */
  readonly headers: Array<[string, string]>;
  readonly body: string;
}

/**
 * Sends requests over `node:http`/`node:https` with keep-alive connections: an integration request costs
 * a round trip, not a TCP handshake, and the standard library's client is several times cheaper per request
 * than `fetch` on Node 20.
 */
export class HttpTransport {
  readonly #http = new http.Agent({ keepAlive: true });
  readonly #https = new https.Agent({ keepAlive: true });

  /**
   * Sends one request and reads the whole answer as UTF-8.
   * @throws Error with the system error's `code` (e.g. `ECONNREFUSED`) when the endpoint cannot be reached,
   * or `name: 'TimeoutError'` when `signal` aborts first
   */
  send(url: URL, request: TransportRequest): Promise<TransportResponse> {
    const secure = url.protocol === 'https:';
    const client = secure ? https : http;
    return new Promise((resolve, reject) => {
      const outgoing = client.request(
        url,
        {
          method: request.method,
          headers:
            request.body === ''
              ? request.headers
              : { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
          agent: secure ? this.#https : this.#http,
          signal: request.signal,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const headers: Array<[string, string]> = [];
            const raw = incoming.rawHeaders;
            for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
            resolve({
              status: incoming.statusCode ?? 0,
              headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      outgoing.on('error', (error) => {
        reject(
          request.signal?.aborted ? Object.assign(new Error('timed out'), { name: 'TimeoutError' }) : error,
        );
      });
      outgoing.end(request.body === '' ? undefined : request.body);
    });
  }

  /** Closes the idle connections; the transport can still send afterwards. */
  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

/**
 * The reason a request failed, with where it went.
 * @example
 * ```ts
 * describeTransportError(error, url); // 'http://127.0.0.1:8000: connect ECONNREFUSED 127.0.0.1:8000'
 * ```
 */
export function describeTransportError(error: unknown, url: URL): string {
  return `${url.origin}: ${(error as Error).message}`;
}
