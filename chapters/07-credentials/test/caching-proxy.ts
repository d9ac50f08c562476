/**
 * A small shared cache, put in front of the local gateway by the tests of chapter 07 to show what a CDN does
 * with an answer that depends on `Origin`. It is not part of the stack and does not emulate any product: it
 * does the minimum a shared cache does, and nothing else.
 *
 * - Only `GET` answers with status `200` are stored, and only when they carry neither `Cache-Control: no-store`
 *   nor `Cache-Control: private` (RFC 9111 §3); they stay fresh until the proxy closes. Every other request
 *   (a preflight `OPTIONS` included) goes to the gateway each time.
 * - The cache key is the method and the URL (path and query), plus the values of `keyHeaders` — the request
 *   headers a CDN's cache policy names (RFC 9111 §2, §4).
 * - With `honourVary` (the default), a stored answer is reused only for a request that has the same values
 *   for the request headers its `Vary` names, and never when it says `Vary: *` (RFC 9111 §4.1). Without it,
 *   the proxy keys on `keyHeaders` alone, as a CDN that keys only on its cache policy does.
 * - Each answer gets an `X-Cache` header: `Hit` when it came from the cache, `Miss` when from the gateway.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9111.html
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 * @module
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** Options of {@link startCachingProxy}. */
export interface CachingProxyOptions {
  /** Where requests go on a miss: an origin such as `http://127.0.0.1:41234`. */
  readonly upstream: string;
  /**
   * Request headers whose values are always part of the cache key, as a CDN's cache policy lists them.
   * @default [] (none: the key is the method and the URL)
   */
  readonly keyHeaders?: readonly string[];
  /**
   * Whether a stored answer's `Vary` adds the request headers it names to its key.
   * @default true
   */
  readonly honourVary?: boolean;
}

/** A running caching proxy. */
export interface CachingProxy {
  /** The proxy's own origin, e.g. `http://127.0.0.1:41235`. */
  readonly origin: string;
  /**
   * The URL that reaches `upstreamUrl` through the proxy: the same path and query on the proxy's origin.
   * @param upstreamUrl - a URL on the upstream origin, e.g. the gateway's `http://127.0.0.1:41234/prod/profile`
   */
  via(upstreamUrl: string): string;
  /** How many requests were answered from the cache, and how many went to the upstream. */
  readonly stats: { readonly hits: number; readonly misses: number };
  /** Stops the proxy and forgets what it stored. */
  close(): Promise<void>;
}

interface StoredAnswer {
  /** The request headers the answer's `Vary` names, lower case; `['*']` matches nothing. */
  readonly vary: readonly string[];
  /** The values those request headers had when the answer was stored. */
  readonly requestValues: ReadonlyMap<string, string | undefined>;
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/** Headers that describe one connection, never a stored answer (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

/**
 * Starts the proxy on a free port of 127.0.0.1.
 * @param options - the upstream origin, the headers in the key, and whether `Vary` is honoured
 * @example
 * ```ts
 * const proxy = await startCachingProxy({ upstream: new URL(gateway.url).origin });
 * await fetch(proxy.via(`${gateway.url}profile`), { headers: { Origin: 'http://localhost:5173' } });
 * ```
 */
export async function startCachingProxy(options: CachingProxyOptions): Promise<CachingProxy> {
  const upstream = new URL(options.upstream).origin;
  const keyHeaders = (options.keyHeaders ?? []).map((name) => name.toLowerCase());
  const honourVary = options.honourVary ?? true;
  const stored = new Map<string, StoredAnswer[]>();
  const stats = { hits: 0, misses: 0 };

  const server: Server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const primaryKey = [
      method,
      path,
      ...keyHeaders.map((name) => `${name}=${requestValue(incoming.headers, name)}`),
    ].join('\n');
    const cacheable = method === 'GET' && incoming.headers.authorization === undefined;
    const hit = cacheable
      ? stored.get(primaryKey)?.find((answer) => matches(answer, incoming.headers, honourVary))
      : undefined;
    if (hit !== undefined) {
      stats.hits += 1;
      send(outgoing, hit.status, hit.headers, hit.body, 'Hit');
      return;
    }
    stats.misses += 1;
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      try {
        const headers = forwardedHeaders(incoming.headers);
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const answer = await request(`${upstream}${path}`, { method, headers, ...(body && { body }) });
        const answerBody = Buffer.from(await answer.body.arrayBuffer());
        const answerHeaders = headerPairs(answer.headers);
        if (cacheable && answer.statusCode === 200 && storable(answerHeaders)) {
          const vary = varyOf(answerHeaders);
          const requestValues = new Map(vary.map((name) => [name, requestValue(incoming.headers, name)]));
          const entry = { vary, requestValues, status: 200, headers: answerHeaders, body: answerBody };
          stored.set(primaryKey, [entry, ...(stored.get(primaryKey) ?? [])]);
        }
        send(outgoing, answer.statusCode, answerHeaders, answerBody, 'Miss');
      } catch (error) {
        send(
          outgoing,
          502,
          [['content-type', 'text/plain']],
          Buffer.from(`proxy: ${String(error)}\n`),
          'Miss',
        );
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    via(upstreamUrl) {
      const url = new URL(upstreamUrl);
      if (url.origin !== upstream) {
        throw new Error(`The proxy forwards to ${upstream}, not to ${JSON.stringify(upstreamUrl)}`);
      }
      return `${origin}${url.pathname}${url.search}`;
    },
    stats,
    close() {
      server.closeAllConnections();
      stored.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether a stored answer may be reused for a request with these headers. */
function matches(answer: StoredAnswer, headers: IncomingHttpHeaders, honourVary: boolean): boolean {
  if (!honourVary) return true;
  if (answer.vary.includes('*')) return false;
  return answer.vary.every((name) => answer.requestValues.get(name) === requestValue(headers, name));
}

/** A request header's value as one string, repeated values joined with `, `. */
function requestValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The request headers sent upstream: all but `host` and the hop-by-hop ones. */
function forwardedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'host' || HOP_BY_HOP.has(name) || value === undefined) continue;
    forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return forwarded;
}

/** The upstream's answer headers as pairs, without the hop-by-hop ones. */
function headerPairs(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (HOP_BY_HOP.has(name) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}

/** The request header names an answer's `Vary` lists, lower case. */
function varyOf(headers: ReadonlyArray<readonly [string, string]>): string[] {
  return headers
    .filter(([name]) => name === 'vary')
    .flatMap(([, value]) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/** Whether `Cache-Control` lets a shared cache store the answer (RFC 9111 §3, §5.2.2.3, §5.2.2.7). */
function storable(headers: ReadonlyArray<readonly [string, string]>): boolean {
  const directives = headers
    .filter(([name]) => name === 'cache-control')
    .flatMap(([, value]) => value.split(','))
    .map((directive) => directive.trim().toLowerCase().split('=')[0]);
  return !directives.includes('no-store') && !directives.includes('private');
}

function send(
  outgoing: ServerResponse,
  status: number,
  headers: ReadonlyArray<readonly [string, string]>,
  body: Buffer,
  cache: 'Hit' | 'Miss',
): void {
  outgoing.statusCode = status;
  for (const [name, value] of headers) outgoing.appendHeader(name, value);
  outgoing.setHeader('X-Cache', cache);
  outgoing.setHeader('Content-Length', body.length);
  outgoing.end(body);
}
