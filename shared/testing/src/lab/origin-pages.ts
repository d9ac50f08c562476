/**
 * A small server of blank pages for the browser tests: one server on a free port stands in for every origin
 * a lab names (`http://localhost:5173`, `http://localhost:3000`, …), so that tests running side by side, or
 * next to `pnpm start`, never compete for those ports.
 *
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running page server. */
export interface OriginPages {
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  /**
   * The Chromium host map that sends each origin's page requests here (see `launchChromium`'s `hostMap`).
   * @param origins - origins of the form `http://localhost:<port>`
   */
  hostMap(origins: readonly string[]): Record<string, string>;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Starts a server answering `GET /` with a blank HTML page, whatever the `Host`, and `/favicon.ico` with
 * `204`. A page loaded from it through a host map has the origin of the URL the browser was given.
 *
 * @returns the server; close it when done
 * @example
 * ```ts
 * const pages = await serveOriginPages();
 * const browser = await launchChromium({ hostMap: pages.hostMap(['http://localhost:5173']) });
 * ```
 */
export async function serveOriginPages(): Promise<OriginPages> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path !== '/') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    const host = escapeHtml(request.headers.host ?? '');
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>${host}</title><p>A page on ${host}.</p>`,
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hostMap(origins) {
      return Object.fromEntries(origins.map((origin) => [new URL(origin).host, `127.0.0.1:${port}`]));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
