/**
 * Merging `Vary` values, so that a response lists each request header it varies on once.
 *
 * @module
 */

/**
 * Merges `Vary` header values into one. Each value may itself be a comma-separated list. Names are compared
 * case-insensitively and kept in their first spelling and position; `*` (varies on everything) absorbs the rest.
 *
 * @param values - the values to merge, for example the handler's `Vary` and the policy's `Origin`.
 * @returns the merged value, for example `'Accept-Encoding, Origin'`; `''` when there is nothing to merge.
 * @example
 * ```ts
 * mergeVary(['Accept-Encoding, origin', 'Origin']); // 'Accept-Encoding, origin'
 * mergeVary(['*', 'Origin']);                       // '*'
 * ```
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 */
export function mergeVary(values: readonly string[]): string {
  const names = new Map<string, string>();
  for (const value of values) {
    for (const part of value.split(',')) {
      const name = part.trim();
      if (name === '*') return '*';
      const key = name.toLowerCase();
      if (name !== '' && !names.has(key)) names.set(key, name);
    }
  }
  return [...names.values()].join(', ');
}
