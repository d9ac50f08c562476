/**
 * A plain HTTP server whose answers are set per path: `/c/<config>` answers `OPTIONS` with the config's
 * preflight rule and anything else with its request rule; a rule may be a list, one entry per redirect hop.
 * It listens on two ports, two origins, so that redirects can cross origins. Every request is recorded by
 * its `t` (tag) query parameter.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer: status, header lines (`{origin}` is replaced by the page origin) and a redirect target. */
export interface Rule {
  readonly status: number;
  readonly headers?: ReadonlyArray<readonly [string, string]>;
  /**
   * `Location`: a path on the same server, `{B}/path` for the second origin, or `raw:` followed by the exact
   * value. The tag, config and next hop number are added to a non-raw location.
   */
  readonly location?: string;
  readonly body?: string;
}

/** How the server answers one path. */
export interface ServerConfig {
  readonly preflight?: Rule | readonly Rule[];
  readonly request?: Rule | readonly Rule[];
}

/** A request the server received, and what it answered. */
export interface ServedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly status: number;
  readonly location?: string;
  /** The response's header lines. */
  readonly responseHeaders: ReadonlyArray<readonly [string, string]>;
}

/** The running server. */
export interface ConfigServer {
  /** `http://127.0.0.1:<port>` of the first origin. */
  readonly originA: string;
  /** `http://127.0.0.1:<port>` of the second origin. */
  readonly originB: string;
  /** The URL of a config on the first origin, tagged. */
  url(config: string, tag: string): string;
  /** What the server received for a tag, in order. */
  served(tag: string): readonly ServedRequest[];
  close(): Promise<void>;
}

/**
 * Starts the server.
 * @param configs - the configs by name
 * @param pageOrigin - the value `{origin}` stands for
 */
export async function startConfigServer(
  configs: ReadonlyMap<string, ServerConfig>,
  pageOrigin: string,
): Promise<ConfigServer> {
  const log = new Map<string, ServedRequest[]>();
  let originB = '';
  const handle: Parameters<typeof createServer>[1] = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://config.invalid');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>');
      return;
    }
    const name = url.pathname.split('/')[2] ?? '';
    const config = configs.get(name);
    const hop = Number(url.searchParams.get('hop') ?? '0');
    const pick = (rule: Rule | readonly Rule[] | undefined): Rule | undefined =>
      Array.isArray(rule) ? rule[Math.min(hop, rule.length - 1)] : (rule as Rule | undefined);
    const rule = (request.method === 'OPTIONS' ? pick(config?.preflight) : pick(config?.request)) ?? {
      status: 404,
    };
    const lines: string[] = [];
    const responseHeaders: Array<[string, string]> = [];
    for (const [key, value] of rule.headers ?? []) {
      lines.push(key, value.replaceAll('{origin}', pageOrigin));
      responseHeaders.push([key, value.replaceAll('{origin}', pageOrigin)]);
    }
    let location: string | undefined;
    if (rule.location !== undefined) {
      if (rule.location.startsWith('raw:')) {
        location = rule.location.slice(4);
      } else {
        const target = new URL(rule.location.replace('{B}', originB), `http://${request.headers.host}`);
        target.searchParams.set('t', url.searchParams.get('t') ?? '');
        target.searchParams.set('hop', String(hop + 1));
        location = target.href;
      }
      lines.push('location', location);
      responseHeaders.push(['location', location]);
    }
    const tag = url.searchParams.get('t') ?? '';
    const served = log.get(tag) ?? [];
    served.push({
      method: request.method ?? '',
      url: `http://${request.headers.host}${request.url}`,
      headers: request.headers,
      status: rule.status,
      responseHeaders,
      ...(location === undefined ? {} : { location }),
    });
    log.set(tag, served);
    request.resume();
    request.once('end', () => response.writeHead(rule.status, lines).end(rule.body ?? 'ok'));
  };
  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const first = createServer(handle);
  const second = createServer(handle);
  const originA = await listen(first);
  originB = await listen(second);
  return {
    originA,
    originB,
    url: (config, tag) => `${originA}/c/${config}?t=${encodeURIComponent(tag)}`,
    served: (tag) => log.get(tag) ?? [],
    close: async () => {
      for (const server of [first, second]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
