/**
 * The CORS settings chapter 07's APIs share: who is on the list, what a page may read, how long a browser may
 * keep a preflight answer.
 *
 * @module
 */
import { Duration } from 'aws-cdk-lib';

/**
 * The origins allowed to read answers sent with credentials: a made-up production site and the usual address
 * of a local development server, exactly as browsers send them in `Origin`.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Origin
 */
export const ALLOWED_ORIGINS: readonly string[] = ['https://app.example.com', 'http://localhost:5173'];

/**
 * The response header the handlers send that a page can read only once it is exposed.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers
 */
export const EXPOSED_HEADER = 'X-Request-Id';

/**
 * How long a browser may reuse a preflight answer of `/max-age` and of the HTTP API: ten minutes, sent as
 * `Access-Control-Max-Age: 600`.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age
 */
export const PREFLIGHT_MAX_AGE = Duration.minutes(10);
