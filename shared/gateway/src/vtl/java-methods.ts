/**
 * The Java methods templates call on values: `java.lang.String`, `java.util.List`, `java.util.Map`,
 * `Map.Entry`, numbers and booleans. A method the receiver does not have (or called with the wrong number
 * of arguments) gives `null`, which renders as nothing, as Velocity does for an unknown method.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/String.html
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/Map.html
 * @module
 */

import { LIST_METHODS } from './java-list-methods.js';
import { MAP_METHODS } from './java-map-methods.js';
import { BOOLEAN_METHODS, NUMBER_METHODS } from './java-number-and-boolean-methods.js';
import { STRING_METHODS } from './java-string-methods.js';
import { isJavaObject } from './java-values.js';

/** Calls `receiver.name(...args)` with Java semantics. */
export function callJavaMethod(receiver: unknown, name: string, args: readonly unknown[]): unknown {
  switch (typeof receiver) {
    case 'string':
      return STRING_METHODS.get(name)?.(receiver, args);
    case 'number':
      return NUMBER_METHODS.get(name)?.(receiver, args);
    case 'boolean':
      return BOOLEAN_METHODS.get(name)?.(receiver, args);
    case 'object':
      if (receiver === null) return undefined;
      if (Array.isArray(receiver)) return LIST_METHODS.get(name)?.(receiver, args);
      if (isJavaObject(receiver)) return receiver.javaMethod(name, args);
      return MAP_METHODS.get(name)?.(receiver as Record<string, unknown>, args);
    default:
      return undefined;
  }
}
