/**
 * What a pipeline works out from a request path alone (its stage, its route), remembered per path: the same
 * few paths come back on nearly every request. Bounded, since clients may send ever new paths: past
 * `limit` entries it starts afresh, and a path longer than `longestPath` is never kept.
 * @typeParam T - what is remembered for one path; `undefined` is remembered too
 */
export class PathMemo<T> {
  readonly #entries = new Map<string, { readonly value: T }>();
  readonly #limit: number;
  readonly #longestPath: number;

  /**
   * @param limit - how many paths are kept at most
   * @param longestPath - the longest path kept, in characters
   * @default limit 512
   * @default longestPath 256
   */
  constructor(limit = 512, longestPath = 256) {
    this.#limit = limit;
    this.#longestPath = longestPath;
  }

  /** The value remembered for `path`, else `compute(path)` (remembered when the path is short enough). */
  get(path: string, compute: (path: string) => T): T {
    const entry = this.#entries.get(path);
    if (entry !== undefined) return entry.value;
    const value = compute(path);
    if (path.length <= this.#longestPath) {
      if (this.#entries.size >= this.#limit) this.#entries.clear();
      this.#entries.set(path, { value });
    }
    return value;
  }

  /** How many paths are remembered. */
  get size(): number {
    return this.#entries.size;
  }
}
