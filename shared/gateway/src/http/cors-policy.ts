import { type AllowedOrigins, compileAllowedOrigins } from './allowed-origins.js';

/**
 * The `CorsConfiguration` of an HTTP API, as read from the template.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigatewayv2-api-cors.html
 */
export interface HttpCorsConfiguration {
  /** `AllowOrigins`: `*`, `https://*`, `http://*`, or origins. @default [] */
  readonly allowOrigins: readonly string[];
  /** `AllowCredentials`. @default false */
  readonly allowCredentials: boolean;
  /** `AllowMethods`, e.g. `GET` or `*`. @default [] */
  readonly allowMethods: readonly string[];
  /** `AllowHeaders`, e.g. `content-type` or `*`. @default [] */
  readonly allowHeaders: readonly string[];
  /** `ExposeHeaders`. @default [] */
  readonly exposeHeaders: readonly string[];
  /** `MaxAge` in seconds; `undefined` when not set. */
  readonly maxAge: number | undefined;
}

type HeaderPair = [string, string];

/**
 * The CORS behaviour of an HTTP API with a `CorsConfiguration`: the answer API Gateway gives to a preflight
 * itself, and the headers it puts on actual responses. Every header value that does not depend on the request
 * is built once, here.
 *
 * - Headers are written with lower-case names, as HTTP APIs send them.
 * - Only the origin decides: an allowed origin gets the configured headers, any other origin none. The
 *   requested method and headers of a preflight are not checked; the answer lists what the configuration
 *   allows and the browser compares, so its console names the method or header that is missing.
 * - `Access-Control-Allow-Methods`, `-Allow-Headers` and `-Max-Age` are written as configured (joined with
 *   `,`), and only on preflights; `-Expose-Headers` only on actual responses.
 * - No `Vary` header is added.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export class HttpCorsPolicy {
  /** The configuration the policy was built from. */
  readonly configuration: HttpCorsConfiguration;
  readonly #origins: AllowedOrigins;
  /** Preflight headers after `access-control-allow-origin`. */
  readonly #preflightTail: readonly HeaderPair[];
  /** Actual-response headers after `access-control-allow-origin`. */
  readonly #actualTail: readonly HeaderPair[];

  constructor(configuration: HttpCorsConfiguration) {
    this.configuration = configuration;
    this.#origins = compileAllowedOrigins(configuration.allowOrigins);

    const credentials: HeaderPair[] = configuration.allowCredentials
      ? [['access-control-allow-credentials', 'true']]
      : [];
    const preflight = [...credentials];
    if (configuration.allowMethods.length > 0) {
      preflight.push(['access-control-allow-methods', configuration.allowMethods.join(',')]);
    }
    if (configuration.allowHeaders.length > 0) {
      preflight.push(['access-control-allow-headers', configuration.allowHeaders.join(',')]);
    }
    if (configuration.maxAge !== undefined)
      preflight.push(['access-control-max-age', String(configuration.maxAge)]);
    this.#preflightTail = preflight;
    const actual = [...credentials];
    if (configuration.exposeHeaders.length > 0) {
      actual.push(['access-control-expose-headers', configuration.exposeHeaders.join(',')]);
    }
    this.#actualTail = actual;
  }

  /** `AllowOrigins` entries that no browser's `Origin` can equal (see {@link AllowedOrigins.unmatchable}). */
  get unmatchableOrigins(): readonly string[] {
    return this.#origins.unmatchable;
  }

  /**
   * The CORS headers of API Gateway's own answer to a preflight.
   * @param origin - the request's `Origin`
   * @returns the headers, or an empty list when the origin is not allowed
   */
  preflight(origin: string): HeaderPair[] {
    const allowOrigin = this.#origins.match(origin);
    if (allowOrigin === undefined) return [];
    return [['access-control-allow-origin', allowOrigin], ...this.#preflightTail];
  }

  /**
   * The CORS headers API Gateway puts on an actual response.
   * @param origin - the request's `Origin`; without one, no CORS header is sent
   * @returns the headers, or an empty list when there is no origin or it is not allowed
   */
  actual(origin: string | undefined): HeaderPair[] {
    if (origin === undefined) return [];
    const allowOrigin = this.#origins.match(origin);
    if (allowOrigin === undefined) return [];
    return [['access-control-allow-origin', allowOrigin], ...this.#actualTail];
  }
}
