/** The methods a route key may name; `ANY` matches every method the path has no route of its own for. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'ANY',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
]);

/** One segment of a route path: literal text, `{name}`, or the greedy `{name+}` (last segment only). */
export type RouteSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'parameter'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A parsed `RouteKey`. */
export type RouteKey =
  /** `$default`: catches every request no other route matches. */
  | { readonly kind: 'default'; readonly text: '$default' }
  /** `METHOD /path`. */
  | {
      readonly kind: 'route';
      /** The key as written, e.g. `GET /items/{id}`. */
      readonly text: string;
      /** Upper-case method or `ANY`. */
      readonly method: string;
      /** The path as written, e.g. `/items/{id}`. */
      readonly path: string;
      readonly segments: readonly RouteSegment[];
    };

/**
 * Parses the `RouteKey` of an `AWS::ApiGatewayV2::Route` of an HTTP API: `$default`, or a method (or `ANY`),
 * one space and a path of literal segments, `{name}` parameters and an optional final `{name+}`.
 * @returns the parsed key, or a sentence saying what is wrong with it
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 * @example
 * ```ts
 * parseRouteKey('GET /items/{id}');
 * // { kind: 'route', method: 'GET', path: '/items/{id}', segments: [literal items, parameter id], … }
 * ```
 */
export function parseRouteKey(text: string): RouteKey | string {
  if (text === '$default') return { kind: 'default', text };
  const space = text.indexOf(' ');
  if (space === -1) return `route key ${JSON.stringify(text)} must be "$default" or "METHOD /path"`;
  const method = text.slice(0, space);
  const path = text.slice(space + 1);
  if (!ROUTE_METHODS.has(method)) {
    return `route key ${JSON.stringify(text)} has method ${JSON.stringify(method)}; expected one of ${[...ROUTE_METHODS].join(', ')}`;
  }
  if (!path.startsWith('/') || path.includes(' ')) {
    return `route key ${JSON.stringify(text)} must have a path starting with "/"`;
  }
  const parts = path.split('/').filter((part) => part !== '');
  const segments: RouteSegment[] = [];
  const names = new Set<string>();
  for (const [index, part] of parts.entries()) {
    const variable = /^\{([^{}+]+)(\+?)\}$/.exec(part);
    if (!variable) {
      if (part.includes('{') || part.includes('}')) {
        return `route key ${JSON.stringify(text)} has a malformed path variable ${JSON.stringify(part)}`;
      }
      segments.push({ kind: 'literal', text: part });
      continue;
    }
    const [, name = '', plus] = variable;
    if (names.has(name)) return `route key ${JSON.stringify(text)} names the path variable "${name}" twice`;
    names.add(name);
    if (plus === '+') {
      if (index !== parts.length - 1) {
        return `route key ${JSON.stringify(text)} has the greedy variable {${name}+} before the end of the path`;
      }
      segments.push({ kind: 'greedy', name });
    } else {
      segments.push({ kind: 'parameter', name });
    }
  }
  return { kind: 'route', text, method, path, segments };
}
