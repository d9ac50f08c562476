import type { MappingParams } from './input-variable.js';
import type { MappingOverrides } from './mapping-overrides.js';
import type { MappingResult } from './mapping-result.js';
import { type ParameterRead, parameterReadsKey } from './parameter-reads.js';

/**
 * The results of one template that depends only on a few request parameters (see `parameterReads`), by
 * the values of those parameters: a multi-origin CORS template renders once per origin instead of once per
 * request. Results are frozen, since every request with the same values shares one. At most `capacity`
 * results are kept; the oldest goes first, so a client sending ever new values costs memory for no more.
 */
export class RenderMemo {
  readonly #reads: readonly ParameterRead[];
  readonly #capacity: number;
  readonly #results = new Map<string, MappingResult>();

  /**
   * @param reads - the parameters the template reads
   * @param capacity - how many results to keep @default 256
   */
  constructor(reads: readonly ParameterRead[], capacity = 256) {
    this.#reads = reads;
    this.#capacity = capacity;
  }

  /** The key of a request's parameters: equal keys, equal renders. */
  key(params: MappingParams): string {
    return parameterReadsKey(this.#reads, params);
  }

  /** The result remembered for `key`, if any. */
  get(key: string): MappingResult | undefined {
    return this.#results.get(key);
  }

  /**
   * Keeps `result` for `key` and returns it frozen. A result whose overrides carry custom entries (values a
   * later template could change in place) is returned as is and not kept.
   */
  remember(key: string, result: MappingResult): MappingResult {
    const { requestOverride, responseOverride } = result.overrides;
    if (hasEntries(requestOverride.custom) || hasEntries(responseOverride.custom)) return result;
    const frozen = Object.freeze({ output: result.output, overrides: freezeOverrides(result.overrides) });
    if (this.#results.size >= this.#capacity) {
      this.#results.delete(this.#results.keys().next().value as string);
    }
    this.#results.set(key, frozen);
    return frozen;
  }
}

function freezeOverrides(overrides: MappingOverrides): MappingOverrides {
  const { requestOverride: request, responseOverride: response } = overrides;
  for (const map of [request.path, request.header, request.querystring, response.header]) Object.freeze(map);
  Object.freeze(request);
  Object.freeze(response);
  return Object.freeze(overrides);
}

function hasEntries(map: Readonly<Record<string, unknown>>): boolean {
  for (const _ in map) return true;
  return Object.getOwnPropertyNames(map).length > 0;
}
