/**
 * A response mapping template that answers the request's `Origin` in `Access-Control-Allow-Origin` when it
 * is on a list, the way CDK's multi-origin preflight does, but for an actual (non-`OPTIONS`) response.
 *
 * @module
 */

/**
 * Returns a response template (VTL) that sets `Access-Control-Allow-Origin` to the request's `Origin`
 * header when that origin is one of `allowedOrigins`, and leaves the header out otherwise; then writes
 * `body`.
 *
 * The header is set through `$context.responseOverride.header`, which needs no static mapping. The template
 * reads `Origin`, then `origin`, because `$input.params().header` is case-sensitive. It is one line: API
 * Gateway's Velocity keeps the indentation and line breaks around directives, so a multi-line template would
 * add whitespace in front of the body.
 *
 * The method response should also map `Vary: 'Origin'`, since the answer differs from one origin to another.
 *
 * @param allowedOrigins - the origins to echo, exactly as browsers send them (`https://app.example.com`)
 * @param body - the rest of the template, written after the directives, e.g. `{"greeting":$input.body}`
 * @throws Error when the list is empty, holds `*`, or holds an origin with a character that would break the
 *   template (`"`, `$`, `#`, `\`, whitespace); the message quotes it
 * @example
 * ```ts
 * responseTemplates: {
 *   'application/json': echoAllowedOriginTemplate(['https://app.example.com'], '{"greeting":$input.body}'),
 * }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin
 */
export function echoAllowedOriginTemplate(allowedOrigins: readonly string[], body: string): string {
  if (allowedOrigins.length === 0) {
    throw new Error('echoAllowedOriginTemplate needs at least one allowed origin, got []');
  }
  for (const origin of allowedOrigins) {
    if (origin === '*') {
      throw new Error(
        `echoAllowedOriginTemplate echoes listed origins; map "'*'" statically instead of listing "*" in ${JSON.stringify(allowedOrigins)}`,
      );
    }
    if (/["$#\\\s]/.test(origin)) {
      throw new Error(`The origin ${JSON.stringify(origin)} cannot be written into a mapping template`);
    }
  }
  const isAllowed = allowedOrigins.map((origin) => `$origin == "${origin}"`).join(' || ');
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "")',
    '#set($origin = $input.params().header.get("origin"))',
    '#end',
    `#if(${isAllowed})`,
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
    body,
  ].join('');
}
