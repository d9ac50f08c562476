import { isJavaObject } from './java-values.js';

/**
 * Reads `receiver.name` as Java Velocity does: a map's entry, `$input.body` (`getBody()`), `empty`
 * (`isEmpty()`) on strings and lists; anything else is `null` (e.g. `$input.body.foo`, `$list.length`).
 */
export function readJavaProperty(receiver: unknown, name: string): unknown {
  if (typeof receiver === 'string') return name === 'empty' ? receiver.length === 0 : undefined;
  if (typeof receiver !== 'object' || receiver === null) return undefined;
  if (Array.isArray(receiver)) return name === 'empty' ? receiver.length === 0 : undefined;
  if (isJavaObject(receiver)) return receiver.javaProperty(name);
  return Object.hasOwn(receiver, name) ? (receiver as Record<string, unknown>)[name] : undefined;
}

/** Reads `receiver[key]`: a list element by integer index, a map entry by string key; else `null`. */
export function readJavaIndex(receiver: unknown, key: unknown): unknown {
  if (typeof receiver !== 'object' || receiver === null) return undefined;
  if (Array.isArray(receiver)) return Number.isInteger(key) ? receiver[key as number] : undefined;
  if (isJavaObject(receiver) || typeof key !== 'string') return undefined;
  return Object.hasOwn(receiver, key) ? (receiver as Record<string, unknown>)[key] : undefined;
}

/** Writes a map entry; `__proto__` becomes an ordinary key, as in Java. */
export function putMapEntry(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
