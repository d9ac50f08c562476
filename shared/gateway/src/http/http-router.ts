import type { HttpRoute } from './http-api-model.js';
import type { RouteSegment } from './route-key.js';

/** The route chosen for a request, with its path parameters decoded. */
export interface HttpRouteMatch {
  readonly route: HttpRoute;
  /** `{name}` and `{name+}` values; `null` when the route has none. */
  readonly pathParameters: Readonly<Record<string, string>> | null;
}

/** The routes of one path (`/items/{id}`), by method (`ANY` included). */
interface RoutePath {
  /** The segments before a greedy variable (all of them when there is none). */
  readonly fixed: readonly RouteSegment[];
  /** The name of the final `{name+}`, if any. */
  readonly greedy: string | undefined;
  readonly methods: Map<string, HttpRoute>;
}

/**
 * Chooses the route of an HTTP API request the way API Gateway does:
 *
 * 1. a route without a greedy variable whose path matches — the most specific path first (a literal segment
 *    beats `{name}`, left to right), and on that path the request's method, else `ANY`;
 * 2. a route ending in `{name+}` (which takes one segment or more) — the longest fixed part first;
 * 3. the `$default` route.
 *
 * Everything that does not depend on the request (the literal paths, the order of the others) is worked
 * out once, when the router is built.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html#http-api-develop-routes.evaluation
 */
export class HttpRouter {
  /** Paths made of literal segments only, by their segments joined with `/`. */
  readonly #literal = new Map<string, RoutePath>();
  /** Other paths without a greedy variable, most specific first. */
  readonly #parameterized: RoutePath[] = [];
  /** Paths ending in a greedy variable, longest fixed part first. */
  readonly #greedy: RoutePath[] = [];
  readonly #default: HttpRoute | undefined;

  constructor(routes: readonly HttpRoute[]) {
    const paths = new Map<string, RoutePath>();
    let fallback: HttpRoute | undefined;
    for (const route of routes) {
      const key = route.key;
      if (key.kind === 'default') {
        fallback = route;
        continue;
      }
      const signature = key.segments.map(segmentSignature).join('/');
      let path = paths.get(signature);
      if (!path) {
        const last = key.segments.at(-1);
        const greedy = last?.kind === 'greedy' ? last.name : undefined;
        path = {
          fixed: greedy === undefined ? key.segments : key.segments.slice(0, -1),
          greedy,
          methods: new Map(),
        };
        paths.set(signature, path);
        if (greedy !== undefined) this.#greedy.push(path);
        else if (path.fixed.every((segment) => segment.kind === 'literal'))
          this.#literal.set(literalKey(path.fixed), path);
        else this.#parameterized.push(path);
      }
      path.methods.set(key.method, route);
    }
    this.#default = fallback;
    this.#parameterized.sort((a, b) => compareSpecificity(a.fixed, b.fixed));
    this.#greedy.sort((a, b) => b.fixed.length - a.fixed.length || compareSpecificity(a.fixed, b.fixed));
  }

  /**
   * The route for `method` on the path below the stage, split on `/` (empty segments dropped, still
   * percent-encoded).
   * @returns `undefined` when no route matches (API Gateway answers 404 Not Found)
   */
  match(rawSegments: readonly string[], method: string): HttpRouteMatch | undefined {
    const segments = rawSegments.map(decodeSegment);
    const literal = this.#literal.get(segments.join('/'));
    const onLiteral = literal && pick(literal, method);
    if (onLiteral) return { route: onLiteral, pathParameters: null };

    for (const path of this.#parameterized) {
      if (path.fixed.length !== segments.length) continue;
      const route = pick(path, method);
      if (!route) continue;
      const parameters = bind(path.fixed, segments);
      if (parameters) return { route, pathParameters: parameters };
    }

    for (const path of this.#greedy) {
      if (segments.length <= path.fixed.length) continue;
      const route = pick(path, method);
      if (!route) continue;
      const parameters = bind(path.fixed, segments);
      if (!parameters) continue;
      parameters[path.greedy as string] = segments.slice(path.fixed.length).join('/');
      return { route, pathParameters: parameters };
    }

    return this.#default ? { route: this.#default, pathParameters: null } : undefined;
  }
}

function pick(path: RoutePath, method: string): HttpRoute | undefined {
  return path.methods.get(method) ?? path.methods.get('ANY');
}

/** Matches the fixed segments against the start of `segments`; the parameters they bind, or `undefined`. */
function bind(
  fixed: readonly RouteSegment[],
  segments: readonly string[],
): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [i, segment] of fixed.entries()) {
    const actual = segments[i];
    if (actual === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (segment.text !== actual) return undefined;
    } else {
      parameters[segment.name] = actual;
    }
  }
  return parameters;
}

/** Literal segments sort before variables, left to right; equal patterns keep their order. */
function compareSpecificity(a: readonly RouteSegment[], b: readonly RouteSegment[]): number {
  for (const [i, left] of a.entries()) {
    const right = b[i];
    if (right === undefined) break;
    const rank = Number(left.kind !== 'literal') - Number(right.kind !== 'literal');
    if (rank !== 0) return rank;
  }
  return 0;
}

/** Two paths are the same route path when they differ only in their variables' names. */
function segmentSignature(segment: RouteSegment): string {
  if (segment.kind === 'literal') return `=${segment.text}`;
  return segment.kind === 'parameter' ? '{}' : '{+}';
}

function literalKey(segments: readonly RouteSegment[]): string {
  return segments.map((segment) => (segment.kind === 'literal' ? segment.text : '')).join('/');
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
