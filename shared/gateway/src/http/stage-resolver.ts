import type { HttpStage } from './http-api-model.js';

/** The stage a request goes to and the path below it. */
export interface StageMatch {
  readonly stage: HttpStage;
  /** The path segments below the stage (empty segments dropped, still percent-encoded). */
  readonly segments: readonly string[];
}

/**
 * Picks the stage of an HTTP API request the way API Gateway does: the stage named by the first path segment,
 * else the `$default` stage (which is served at the root and sees the whole path), else none.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html#http-api-develop-routes.evaluation
 */
export class StageResolver {
  readonly #named: ReadonlyMap<string, HttpStage>;
  readonly #default: HttpStage | undefined;

  constructor(stages: ReadonlyMap<string, HttpStage>) {
    const named = new Map<string, HttpStage>();
    for (const [name, stage] of stages) if (name !== '$default') named.set(name, stage);
    this.#named = named;
    this.#default = stages.get('$default');
  }

  /**
   * @param path - the request path without the query string
   * @returns `undefined` when no stage serves the path (API Gateway answers 404 `{"message":"Not Found"}`)
   */
  resolve(path: string): StageMatch | undefined {
    const segments = path.split('/').filter((segment) => segment !== '');
    const [first] = segments;
    if (first !== undefined && this.#named.size > 0) {
      const stage = this.#named.get(first);
      if (stage) return { stage, segments: segments.slice(1) };
    }
    return this.#default ? { stage: this.#default, segments } : undefined;
  }
}
