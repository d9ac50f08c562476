import { MethodMemo } from '../server/method-memo.js';
import type { HttpRouteMatch, HttpRouter } from './http-router.js';
import type { StageMatch } from './stage-resolver.js';

/** A path's stage, and its route for each method asked so far (see {@link MethodMemo}). */
export class PathRouting {
  readonly #routes: MethodMemo<HttpRouteMatch>;

  constructor(
    readonly stageMatch: StageMatch,
    router: HttpRouter,
  ) {
    this.#routes = new MethodMemo((method) => router.match(stageMatch.segments, method));
  }

  /** The route for `method` on this path (see `HttpRouter.match`). */
  match(method: string): HttpRouteMatch | undefined {
    return this.#routes.get(method);
  }
}
