import http from 'node:http';
import https from 'node:https';
import { type HttpEndpointMapping, type HttpEndpoints, readHttpEndpoints } from './http-endpoints.js';
import type { HttpTarget } from './http-target.js';

/** One request to the backend of an HTTP integration. */
export interface HttpBackendRequest {
  readonly method: string;
  readonly url: URL;
  /** Name/value pairs, sent in this order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Sent when not empty. */
  readonly body: Buffer;
  /** How long to wait for the whole answer. */
  readonly timeoutMs: number;
  /**
   * Accept any certificate of an HTTPS backend (a REST integration's `TlsConfig.InsecureSkipVerification`).
   * @default false
   */
  readonly insecureSkipVerification?: boolean;
}

/** What the backend of an HTTP integration answered, or why it did not. */
export type HttpBackendOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Name/value pairs in the backend's case and order. */
      readonly headers: Array<[string, string]>;
      readonly body: Buffer;
    }
  /** No whole answer within the integration's timeout. */
  | { readonly kind: 'timeout' }
  /** The host does not resolve, or the URL is not one. */
  | { readonly kind: 'invalid-endpoint'; readonly reason: string }
  /** The TLS handshake failed (a certificate the gateway does not trust, a plain-HTTP server). */
  | { readonly kind: 'tls'; readonly reason: string }
  /** The connection was refused or broken. */
  | { readonly kind: 'unreachable'; readonly reason: string };

const TLS_ERROR = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/;

/**
 * Sends the requests of `HTTP` and `HTTP_PROXY` integrations (REST and HTTP APIs) to their backends, over
 * keep-alive connections, after mapping the backends that only exist once deployed (or that should be
 * replaced locally) to the URLs of {@link HttpEndpoints}. Redirects are not followed: the backend's answer
 * is the integration's answer, as on AWS.
 */
export class HttpBackends {
  readonly #mappings: Map<string, HttpEndpointMapping>;
  readonly #http = new http.Agent({ keepAlive: true });
  readonly #https = new https.Agent({ keepAlive: true });

  /** @throws HttpEndpointError for a malformed mapping */
  constructor(endpoints?: HttpEndpoints) {
    this.#mappings = readHttpEndpoints(endpoints);
  }

  /**
   * Why the gateway cannot send the requests of `target` anywhere, or `undefined` when it can: a private
   * integration (VPC link) or a URI made of an attribute that exists only once deployed needs a mapping.
   */
  refusal(target: HttpTarget): string | undefined {
    if (this.#mappingOf(target, undefined)) return undefined;
    const [first = '<origin>', ...others] = target.references;
    const alternatives = others.length > 0 ? `, or ${others.join(', ')},` : '';
    const hint = `map it to a URL the gateway can reach with --http-endpoint ${first}=http://127.0.0.1:PORT${alternatives} (or the httpEndpoints option) (see docs/behaviour.md#http-integrations)`;
    if (target.connectionType === 'VPC_LINK') {
      const backend = /^https?:\/\//i.test(target.uri) ? JSON.stringify(target.uri) : first;
      return `the integration reaches its backend ${backend} through a VPC link, which exists only once deployed; ${hint}`;
    }
    if (target.undeployedAttribute) {
      return `the integration's URI ${JSON.stringify(target.uri)} is made of ${target.undeployedAttribute}, which exists only once deployed; ${hint}`;
    }
    const probe = target.uri.replace(/\$\{stageVariables\.[^}]+\}/g, 'stage').replace(/\{[^}]+\}/g, 'x');
    const url = URL.canParse(probe) ? new URL(probe) : undefined;
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
      return `Invalid HTTP endpoint specified for URI: ${JSON.stringify(target.uri)} is not an http(s) URL`;
    }
    return undefined;
  }

  /**
   * The URL a request goes to: `expanded` (the URI with its placeholders and stage variables filled in),
   * with its origin replaced when an `--http-endpoint` maps it; for a target that is not a URL (the ARN of
   * a private integration's listener) the mapped URL followed by `requestPath`.
   * @returns `undefined` when `expanded` is not an http(s) URL (API Gateway: "Invalid endpoint address")
   */
  urlFor(target: HttpTarget, expanded: string, requestPath: string): URL | undefined {
    const isUrl = /^https?:\/\//i.test(expanded) && URL.canParse(expanded);
    const original = isUrl ? new URL(expanded) : undefined;
    const mapping = this.#mappingOf(target, original);
    if (!mapping) return original?.hostname ? original : undefined;
    const base = mapping.url;
    const basePath = base.pathname.replace(/\/$/, '');
    const url = new URL(base.href);
    if (original) {
      url.pathname = `${basePath}${original.pathname}`;
      url.search = original.search;
    } else {
      const [path, query] = requestPath.split('?', 2) as [string, string | undefined];
      url.pathname = `${basePath}${path}`;
      url.search = query ? `?${query}` : '';
    }
    return url;
  }

  #mappingOf(target: HttpTarget, url: URL | undefined): HttpEndpointMapping | undefined {
    for (const reference of target.references) {
      const mapping = this.#mappings.get(reference);
      if (mapping) return mapping;
    }
    const origin = url?.origin ?? (URL.canParse(target.uri) ? new URL(target.uri).origin : undefined);
    return origin ? this.#mappings.get(origin) : undefined;
  }

  /** Sends one request and reads the whole answer; never rejects. */
  send(request: HttpBackendRequest): Promise<HttpBackendOutcome> {
    const secure = request.url.protocol === 'https:';
    const client = secure ? https : http;
    // Given as a list, headers are sent as they are: nothing is added, not even `Host`.
    const headers: Array<string> = ['Host', request.url.host];
    for (const [name, value] of request.headers) if (name.toLowerCase() !== 'host') headers.push(name, value);
    if (request.body.length > 0) headers.push('Content-Length', String(request.body.length));
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: HttpBackendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const outgoing = client.request(request.url, {
        method: request.method,
        headers,
        agent: secure ? this.#https : this.#http,
        ...(secure && request.insecureSkipVerification ? { rejectUnauthorized: false } : {}),
      });
      const timer = setTimeout(() => {
        settle({ kind: 'timeout' });
        outgoing.destroy();
      }, request.timeoutMs);
      outgoing.on('response', (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => settle(failure(error)));
        incoming.on('end', () => {
          const pairs: Array<[string, string]> = [];
          const raw = incoming.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
          settle({
            kind: 'response',
            status: incoming.statusCode ?? 502,
            headers: pairs,
            body: Buffer.concat(chunks),
          });
        });
      });
      outgoing.on('error', (error) => settle(failure(error)));
      outgoing.end(request.body.length > 0 ? request.body : undefined);
    });
  }

  /** Closes the idle connections; requests can still be sent afterwards. */
  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

function failure(error: Error): HttpBackendOutcome {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = `${code ? `${code}: ` : ''}${error.message}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ERR_INVALID_URL') {
    return { kind: 'invalid-endpoint', reason };
  }
  if (TLS_ERROR.test(code) || /certificate|SSL|TLS/i.test(error.message)) return { kind: 'tls', reason };
  return { kind: 'unreachable', reason };
}
