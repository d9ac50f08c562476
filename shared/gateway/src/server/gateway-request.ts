/**
 * A request as the gateway's pipelines see it: parsed once by the HTTP server, with the client's header
 * case and order kept.
 */
export interface GatewayRequest {
  /** Upper-case method, e.g. `GET`. */
  readonly method: string;
  /** The path as sent, without the query string, still percent-encoded. */
  readonly path: string;
  /** The raw query string without `?`; empty when there is none. */
  readonly rawQuery: string;
  /** Header name/value pairs, in the client's case and order (duplicates kept). */
  readonly rawHeaders: readonly string[];
  /** The body bytes; empty when there is none. */
  readonly body: Buffer;
  /** The client's address. */
  readonly sourceIp: string;
  /** e.g. `HTTP/1.1`. */
  readonly protocol: string;
  /** When the request arrived (epoch milliseconds). */
  readonly receivedAt: number;
  /**
   * Set when the HTTP server refuses the request before the API may run it: a quota of API Gateway is
   * exceeded, or the request is malformed. A pipeline answers a refused request with its API's error for
   * that refusal and runs nothing else (the body may be incomplete).
   * @default undefined - the request is served
   */
  readonly refusal?: RequestRefusal;
}

/**
 * Why the HTTP server refused a request before the API ran it.
 *
 * - `payload-too-large`: the body is over API Gateway's 10 MB payload quota;
 * - `headers-too-large`: the request line and headers are over 10,240 bytes;
 * - `uri-too-long`: the URL is over 10,240 characters;
 * - `bad-request`: the request is malformed (e.g. two `Host` headers).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export type RequestRefusal = 'payload-too-large' | 'headers-too-large' | 'uri-too-long' | 'bad-request';

/** A response the HTTP server writes as is. */
export interface GatewayResponse {
  readonly status: number;
  /** Header name/value pairs in order; the server adds nothing but `Date` and `Connection`. */
  readonly headers: Array<[string, string]>;
  readonly body: string | Buffer;
  /** What produced it, for the request log, e.g. `MOCK` or `AWS_PROXY RestProxyFn04E83FA9`. */
  readonly integration: string;
  /**
   * The answer to send instead when this one cannot be sent — a header name or value HTTP forbids, or a
   * status outside 200–599, produced by a function or a template: what API Gateway answers for a malformed
   * integration response (a REST proxy integration 502, a non-proxy one 500, an HTTP API 500).
   * @default undefined - the server answers a bare 500 `{"message":"Internal server error"}`
   */
  readonly fallback?: () => GatewayResponse;
}

/**
 * The value of the first header named `name` (case-insensitive), or `undefined`.
 * @param lowerName - the header name in lower case
 */
export function headerValue(rawHeaders: readonly string[], lowerName: string): string | undefined {
  const length = lowerName.length;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    // Comparing lengths first spares lower-casing the names that cannot match.
    if (name.length === length && name.toLowerCase() === lowerName) return rawHeaders[i + 1];
  }
  return undefined;
}

/** The media type of a `Content-Type` or `Accept` value, without parameters, in lower case. */
export function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}
