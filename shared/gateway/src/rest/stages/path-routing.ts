import { MethodMemo } from '../../server/method-memo.js';
import type { RestApiModel, RestStage } from '../rest-api-model.js';
import { matchRestRoute, type RestRoute, splitStagePath } from '../rest-router.js';

/**
 * A request path's stage and, per method asked so far, its route (see `matchRestRoute` and
 * {@link MethodMemo}): both depend on the path and the method alone.
 */
export class RestPathRouting {
  readonly #routes: MethodMemo<RestRoute>;
  /** The stage named by the path's first segment; `undefined` when the API has no such stage. */
  readonly stage: RestStage | undefined;

  constructor(api: RestApiModel, path: string) {
    const { stage, segments, tails } = splitStagePath(path);
    this.stage = api.stages.get(stage);
    this.#routes = new MethodMemo((method) => matchRestRoute(api.root, segments, method, tails));
  }

  /** The route of `httpMethod` on this path, or `undefined` when none matches. */
  route(httpMethod: string): RestRoute | undefined {
    return this.#routes.get(httpMethod);
  }
}
