/**
 * `Fn::Join`, `Fn::Select` and `Fn::Split`, which build and take apart lists. Each is given the
 * resolver's own functions for the values of its arguments.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-join.html
 * @module
 */

import { UnresolvableValueError } from './unresolvable-value.js';

/**
 * `Fn::Join`: `[separator, list]`, the list's values joined.
 * @param resolve - resolves the intrinsics inside a value, see `IntrinsicResolver.resolve`
 * @throws {@link UnresolvableValueError} when the list does not resolve to a list
 */
export function fnJoin(arg: unknown, resolve: (value: unknown) => unknown): string {
  const [separator, parts] = arg as [string, unknown];
  const resolved = resolve(parts);
  if (!Array.isArray(resolved)) throw new UnresolvableValueError(`Fn::Join of ${JSON.stringify(parts)}`);
  return resolved.map(String).join(separator);
}

/**
 * `Fn::Select`: `[index, list]`, the list's element at the index.
 * @param resolve - resolves the intrinsics inside a value, see `IntrinsicResolver.resolve`
 * @throws {@link UnresolvableValueError} when the list is no list or the index is out of its range
 */
export function fnSelect(arg: unknown, resolve: (value: unknown) => unknown): unknown {
  const [index, list] = arg as [unknown, unknown];
  const resolved = resolve(list);
  if (!Array.isArray(resolved)) throw new UnresolvableValueError(`Fn::Select from ${JSON.stringify(list)}`);
  const position = Number(resolve(index));
  if (!Number.isInteger(position) || position < 0 || position >= resolved.length) {
    throw new UnresolvableValueError(
      `Fn::Select index ${JSON.stringify(index)} is out of range of ${JSON.stringify(resolved)}`,
    );
  }
  return resolved[position];
}

/**
 * `Fn::Split`: `[separator, text]`, the text's parts between separators.
 * @param resolveString - resolves a value that must be a string, see `IntrinsicResolver.resolveString`
 */
export function fnSplit(arg: unknown, resolveString: (value: unknown, what: string) => string): string[] {
  const [separator, text] = arg as [string, unknown];
  return resolveString(text, 'Fn::Split source').split(separator);
}
