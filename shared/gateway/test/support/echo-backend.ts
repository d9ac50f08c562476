import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

/** What the echo backend received. */
export interface EchoedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly rawHeaders: string[];
  readonly body: string;
}

/**
 * Starts an HTTP server on a free port of 127.0.0.1 for the rest of the test file. By default it answers
 * 200 with the request it received as JSON; `/status/<code>` answers with that status, `/slow` never
 * answers, and `respond` can take over. Returns its origin and the requests it received.
 */
export async function startEchoBackend(
  respond?: (request: EchoedRequest, response: ServerResponse) => boolean,
): Promise<{ origin: string; port: number; received: EchoedRequest[] }> {
  const received: EchoedRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: EchoedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        rawHeaders: incoming.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      if (respond?.(request, response)) return;
      if (request.url.startsWith('/slow')) return;
      const status = /^\/status\/(\d{3})/.exec(request.url)?.[1];
      const body = JSON.stringify(request);
      response.writeHead(status ? Number(status) : 200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Backend': 'echo',
        'Access-Control-Allow-Origin': 'https://backend.example',
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, received };
}
