/**
 * What a pipeline matches on one path for each HTTP method, remembered per method: a route depends on the
 * path and the method alone. A match with path parameters is found afresh for each request, so that no two
 * requests share a parameters object; a client inventing methods stops being remembered past a few.
 * @typeParam M - a match, with its `pathParameters` (`null` when the route has none)
 */
export class MethodMemo<M extends { readonly pathParameters: unknown }> {
  readonly #matches = new Map<string, M | undefined>();
  readonly #match: (method: string) => M | undefined;

  /** @param match - finds the match of a method on the path */
  constructor(match: (method: string) => M | undefined) {
    this.#match = match;
  }

  /** The match of `method`, remembered or found now; `undefined` when nothing matches. */
  get(method: string): M | undefined {
    const known = this.#matches.get(method);
    if (known !== undefined || this.#matches.has(method)) return known;
    const match = this.#match(method);
    if (!match?.pathParameters && this.#matches.size < METHODS_KEPT) this.#matches.set(method, match);
    return match;
  }
}

/** More methods than HTTP has, and few enough to bound what a client can make the memo keep. */
const METHODS_KEPT = 16;
