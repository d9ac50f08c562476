import type { HttpRouteMatch, HttpRouter } from './http-router.js';
import type { StageMatch } from './stage-resolver.js';

/** A path's stage, and its route for each method asked so far (a route without path parameters only). */
export class PathRouting {
  readonly #matches = new Map<string, HttpRouteMatch | undefined>();

  constructor(
    readonly stageMatch: StageMatch,
    private readonly router: HttpRouter,
  ) {}

  /** The route for `method` on this path (see `HttpRouter.match`). */
  match(method: string): HttpRouteMatch | undefined {
    const known = this.#matches.get(method);
    if (known !== undefined || this.#matches.has(method)) return known;
    const match = this.router.match(this.stageMatch.segments, method);
    // A match with path parameters is found afresh each time, so no request shares its parameters object.
    if (!match?.pathParameters && this.#matches.size < 16) this.#matches.set(method, match);
    return match;
  }
}
