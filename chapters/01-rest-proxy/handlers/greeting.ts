/**
 * The handler behind `GET /greeting`: the same kind of proxy handler as `rest-proxy.ts`, but its CORS headers
 * come from one shared policy instead of being written by hand in every function.
 *
 * @module
 */
import { corsPolicy } from '@cors-workshop/cors';

/**
 * The origins allowed to read the greeting, from the `ALLOWED_ORIGINS` environment variable (comma-separated),
 * which the stack sets from the same list it gives the API's preflight. An empty list makes `corsPolicy`
 * throw when the module loads, so a misconfigured function fails loudly on its first invocation.
 */
const allowOrigins = (process.env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter((origin) => origin !== '');

const cors = corsPolicy({ allowOrigins });

/**
 * Answers `{"greeting":"hello"}`. The wrapper echoes an allowed `Origin` in `Access-Control-Allow-Origin`,
 * leaves the header out for any other origin, and adds `Vary: Origin` either way, so that caches keep one
 * copy per origin.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary
 */
export const handler = cors.wrap(async () => ({
  statusCode: 200,
  body: JSON.stringify({ greeting: 'hello' }),
}));
