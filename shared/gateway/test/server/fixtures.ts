import { connect } from 'node:net';
import { afterAll } from 'vitest';
import { ApiServer, type ApiServerTimeouts, type RequestPipeline } from '../../src/server/api-server.js';
import { recordingLogger } from '../support/serve.js';

/** An `ApiServer` on a free port of 127.0.0.1 for the rest of the test file, with its log. */
export async function serveStub(
  pipeline: RequestPipeline,
  timeouts?: ApiServerTimeouts,
): Promise<{ url: string; port: number; log: string[]; server: ApiServer }> {
  const logger = recordingLogger();
  const server = new ApiServer(pipeline, logger, undefined, timeouts);
  const port = await server.listen('127.0.0.1', 0);
  afterAll(() => server.close());
  return { url: `http://127.0.0.1:${port}`, port, log: logger.lines, server };
}

/**
 * Sends `raw` bytes on a fresh connection and resolves with everything the server sent back, once it
 * closes the connection or `waitMs` passed.
 */
export async function sendRaw(port: number, raw: string | Buffer, waitMs = 10_000): Promise<string> {
  return (await exchangeRaw(port, raw, waitMs)).received;
}

/** Like {@link sendRaw}, and says whether the server closed the connection (rather than the wait ending). */
export function exchangeRaw(
  port: number,
  raw: string | Buffer,
  waitMs = 10_000,
): Promise<{ received: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      if (raw.length > 0) socket.write(raw);
    });
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ received, closedByServer: false });
    }, waitMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, closedByServer: true });
    });
  });
}
