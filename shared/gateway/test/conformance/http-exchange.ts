import { request as httpRequest } from 'node:http';
import type { CaseRequest } from './conformance-case.js';

/** A response as it came over the wire. */
export interface Exchange {
  readonly status: number;
  /** Header name/value pairs in the server's case and order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/**
 * Sends a case's request exactly as written — header names in its case and order, hop-by-hop headers
 * included, the request target unnormalised (`//stage/…`) — to the API at `origin` (e.g.
 * `http://127.0.0.1:4321`) under `stage`.
 */
export function exchange(origin: string, stage: string, request: CaseRequest): Promise<Exchange> {
  const url = new URL(origin);
  const flat: string[] = ['Host', url.host];
  for (const [name, value] of request.headers ?? []) flat.push(name, value);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target.replace('{stage}', stage),
        headers: flat,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = response.rawHeaders;
          const headers: Array<readonly [string, string]> = [];
          for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
          response.socket?.destroy();
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
