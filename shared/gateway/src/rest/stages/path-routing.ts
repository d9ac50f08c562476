import type { RestApiModel, RestStage } from '../rest-api-model.js';
import { matchRestRoute, type RestRoute, splitStagePath } from '../rest-router.js';

/**
 * A request path's stage and, per method asked so far, its route (see `matchRestRoute`): both depend on the
 * path and the method alone. A route with path parameters is matched afresh for each request, so that no
 * two requests share a parameters object.
 */
export class RestPathRouting {
  readonly #api: RestApiModel;
  readonly #segments: readonly string[];
  readonly #tails: readonly string[];
  readonly #routes = new Map<string, RestRoute | undefined>();
  /** The stage named by the path's first segment; `undefined` when the API has no such stage. */
  readonly stage: RestStage | undefined;

  constructor(api: RestApiModel, path: string) {
    const { stage, segments, tails } = splitStagePath(path);
    this.#api = api;
    this.stage = api.stages.get(stage);
    this.#segments = segments;
    this.#tails = tails;
  }

  /** The route of `httpMethod` on this path, or `undefined` when none matches. */
  route(httpMethod: string): RestRoute | undefined {
    const known = this.#routes.get(httpMethod);
    if (known !== undefined || this.#routes.has(httpMethod)) return known;
    const route = matchRestRoute(this.#api.root, this.#segments, httpMethod, this.#tails);
    if (!route?.pathParameters && this.#routes.size < 16) this.#routes.set(httpMethod, route);
    return route;
  }
}
