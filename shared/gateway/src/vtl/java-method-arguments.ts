import { JavaMethodError } from './java-method-error.js';
import { javaEquals } from './java-operators.js';
import { toJavaString } from './java-values.js';

/**
 * A Java method of receivers of type `T`, called with its arguments: `undefined` when the receiver has no
 * such overload (a wrong number or type of arguments), which renders as nothing, as in Velocity.
 */
export type JavaMethod<T> = (self: T, args: readonly unknown[]) => unknown;

/** A `String` argument: `null` throws as Java's `NullPointerException` would, other values are converted. */
export function stringArgument(args: readonly unknown[], index: number, method: string): string {
  const value = args[index];
  if (value === null || value === undefined) throw new JavaMethodError(`${method}() was given null`);
  return typeof value === 'string' ? value : toJavaString(value);
}

/** An `int` argument; a non-number means Velocity finds no such method. */
export function intArgument(args: readonly unknown[], index: number): number | undefined {
  const value = args[index];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Java's `equals` between elements: like `==` in templates, except that `null` equals only `null`. */
export function elementsEqual(left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null || right === undefined) {
    return (left === null || left === undefined) && (right === null || right === undefined);
  }
  return javaEquals(left, right);
}
