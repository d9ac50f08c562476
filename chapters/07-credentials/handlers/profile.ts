/**
 * The handler behind `GET /profile` (and `/unexposed`, `/max-age`, `/no-max-age`, `/no-cache`): an answer
 * meant for the visitor alone, readable only from the listed origins. Its CORS headers come from the shared
 * policy of `@cors-workshop/cors`.
 *
 * @module
 */
import { corsPolicy } from '@cors-workshop/cors';

/** A comma-separated environment variable as a list. */
function listFrom(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The policy: the listed origins (`ALLOWED_ORIGINS`), credentials, and the response headers named in
 * `EXPOSE_HEADERS` — `X-Request-Id` for `/profile`, none for `/unexposed`. An empty origin list makes
 * `corsPolicy` throw when the module loads.
 */
const cors = corsPolicy({
  allowOrigins: listFrom('ALLOWED_ORIGINS'),
  allowCredentials: true,
  exposeHeaders: listFrom('EXPOSE_HEADERS'),
});

/**
 * Answers `{"user":"ada"}` with the request ID in `X-Request-Id`. The wrapper echoes a listed origin with
 * `Access-Control-Allow-Credentials: true`, sends no `Access-Control-Allow-Origin` to any other, and adds
 * `Vary: Origin` to every answer.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers
 */
export const handler = cors.wrap(async (event) => ({
  statusCode: 200,
  headers: { 'X-Request-Id': event.requestContext.requestId },
  body: JSON.stringify({ user: 'ada' }),
}));
