import type { JavaMethod } from './java-method-arguments.js';
import { toJavaString } from './java-values.js';

/**
 * The methods of `java.lang.Integer`, `Long` and `Double` that templates call, by name; numbers are
 * JavaScript numbers.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/Number.html
 */
export const NUMBER_METHODS: ReadonlyMap<string, JavaMethod<number>> = new Map<string, JavaMethod<number>>([
  ['toString', (n, a) => (a.length === 0 ? toJavaString(n) : undefined)],
  ['intValue', (n, a) => (a.length === 0 ? Math.trunc(n) : undefined)],
  ['longValue', (n, a) => (a.length === 0 ? Math.trunc(n) : undefined)],
  ['doubleValue', (n, a) => (a.length === 0 ? n : undefined)],
  ['equals', (n, a) => (a.length === 1 ? n === a[0] : undefined)],
]);

/**
 * The methods of `java.lang.Boolean` that templates call, by name.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/Boolean.html
 */
export const BOOLEAN_METHODS: ReadonlyMap<string, JavaMethod<boolean>> = new Map<string, JavaMethod<boolean>>(
  [
    ['toString', (b, a) => (a.length === 0 ? toJavaString(b) : undefined)],
    ['booleanValue', (b, a) => (a.length === 0 ? b : undefined)],
    ['equals', (b, a) => (a.length === 1 ? b === a[0] : undefined)],
  ],
);
