/**
 * Where the gateway sends the requests of HTTP integrations whose backend it cannot reach as written: by
 * the backend's origin (`https://api.example.com`) or by the logical ID of the resource the integration
 * reaches it through (a load balancer, a listener, a Cloud Map service or a VPC link, which exist only once
 * deployed), a URL the gateway can reach, e.g. `http://127.0.0.1:8080`.
 * @example
 * ```ts
 * const endpoints: HttpEndpoints = {
 *   'https://api.example.com': 'http://127.0.0.1:8080',
 *   ServiceLbListener: 'http://127.0.0.1:9000',
 * };
 * ```
 */
export type HttpEndpoints = Readonly<Record<string, string>>;

/** A mapping of {@link HttpEndpoints}, checked. */
export interface HttpEndpointMapping {
  /** The origin or logical ID mapped. */
  readonly key: string;
  /** The URL requests go to instead (no trailing slash in its path). */
  readonly url: URL;
}

/** Thrown for a malformed `--http-endpoint` setting; the message quotes it. */
export class HttpEndpointError extends Error {
  /** `HttpEndpointError`, so that a stack trace or a log line names the kind of error. */
  override readonly name = 'HttpEndpointError';
}

/**
 * Checks the mappings of {@link HttpEndpoints}: each key an `http(s)` origin or a logical ID, each value an
 * `http(s)` URL.
 * @throws HttpEndpointError quoting the bad key or value
 */
export function readHttpEndpoints(endpoints: HttpEndpoints | undefined): Map<string, HttpEndpointMapping> {
  const mappings = new Map<string, HttpEndpointMapping>();
  for (const [rawKey, value] of Object.entries(endpoints ?? {})) {
    const key = rawKey.trim();
    const isOrigin = /^https?:\/\//i.test(key);
    if (isOrigin && (!URL.canParse(key) || new URL(key).origin !== key.replace(/\/$/, '').toLowerCase())) {
      throw new HttpEndpointError(
        `the HTTP endpoint key ${JSON.stringify(rawKey)} must be an origin such as https://api.example.com (no path), or a logical ID`,
      );
    }
    if (!isOrigin && !/^[A-Za-z0-9-]+$/.test(key)) {
      throw new HttpEndpointError(
        `the HTTP endpoint key ${JSON.stringify(rawKey)} is neither an http(s) origin nor a logical ID`,
      );
    }
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
      throw new HttpEndpointError(
        `the HTTP endpoint for ${JSON.stringify(rawKey)} is ${JSON.stringify(value)}; expected an http(s) URL such as http://127.0.0.1:8080`,
      );
    }
    mappings.set(isOrigin ? new URL(key).origin : key, { key, url });
  }
  return mappings;
}

/**
 * Parses one `--http-endpoint` value of the CLI, `<origin | logical ID>=<URL>`.
 * @throws HttpEndpointError when the value has no `=` (the message quotes it)
 * @example
 * ```ts
 * parseHttpEndpointFlag('https://api.example.com=http://127.0.0.1:8080');
 * // ['https://api.example.com', 'http://127.0.0.1:8080']
 * ```
 */
export function parseHttpEndpointFlag(flag: string): [string, string] {
  const match = /^(https?:\/\/[^=]+|[^=]+)=(.+)$/i.exec(flag);
  if (!match) {
    throw new HttpEndpointError(
      `--http-endpoint takes <origin|logical ID>=<URL>, e.g. https://api.example.com=http://127.0.0.1:8080; got ${JSON.stringify(flag)}`,
    );
  }
  return [match[1]!.trim(), match[2]!.trim()];
}
