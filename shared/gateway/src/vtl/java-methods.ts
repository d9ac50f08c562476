import { javaEquals } from './java-operators.js';
import { javaMatches, javaReplaceAll, javaReplaceFirst, javaSplit } from './java-regex.js';
import {
  isJavaMap,
  isJavaObject,
  JAVA_OBJECT,
  type JavaObject,
  markVelocityList,
  toJavaString,
} from './java-values.js';

/**
 * The Java methods templates call on values: `java.lang.String`, `java.util.List`, `java.util.Map`,
 * `Map.Entry`, numbers and booleans. A method the receiver does not have (or called with the wrong number
 * of arguments) gives `null`, which renders as nothing, as Velocity does for an unknown method.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/String.html
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/Map.html
 */

/** A Java method that threw (e.g. `substring` out of range): Velocity aborts the template. */
export class JavaMethodError extends Error {
  override readonly name = 'JavaMethodError';
}

type Method<T> = (self: T, args: readonly unknown[]) => unknown;

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

/** One entry of `entrySet()`: prints as `key=value`, answers `getKey()`/`getValue()` and `.key`/`.value`. */
class MapEntry implements JavaObject {
  readonly [JAVA_OBJECT] = true as const;

  constructor(
    readonly key: string,
    readonly value: unknown,
  ) {}

  javaMethod(name: string, args: readonly unknown[]): unknown {
    if (args.length > 0) return undefined;
    if (name === 'getKey') return this.key;
    if (name === 'getValue') return this.value;
    if (name === 'toString') return this.javaString();
    return undefined;
  }

  javaProperty(name: string): unknown {
    if (name === 'key') return this.key;
    if (name === 'value') return this.value;
    return undefined;
  }

  javaString(): string {
    return `${this.key}=${this.value === null || this.value === undefined ? 'null' : toJavaString(this.value)}`;
  }
}

/** A `String` argument: `null` throws as Java's `NullPointerException` would, other values are converted. */
function text(args: readonly unknown[], index: number, method: string): string {
  const value = args[index];
  if (value === null || value === undefined) throw new JavaMethodError(`${method}() was given null`);
  return typeof value === 'string' ? value : toJavaString(value);
}

/** An `int` argument; a non-number means Velocity finds no such method. */
function int(args: readonly unknown[], index: number): number | undefined {
  const value = args[index];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function checkRange(length: number, begin: number, end: number, method: string): void {
  if (begin < 0 || end > length || begin > end) {
    throw new JavaMethodError(`${method}(${begin}, ${end}) is out of range for a string of length ${length}`);
  }
}

/** `String.trim()`: removes characters up to U+0020 (not Unicode spaces, unlike JavaScript's `trim`). */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

const STRING_METHODS = new Map<string, Method<string>>([
  ['length', (s, a) => (a.length === 0 ? s.length : undefined)],
  ['isEmpty', (s, a) => (a.length === 0 ? s.length === 0 : undefined)],
  ['toString', (s, a) => (a.length === 0 ? s : undefined)],
  ['trim', (s, a) => (a.length === 0 ? javaTrim(s) : undefined)],
  ['toLowerCase', (s, a) => (a.length === 0 ? s.toLowerCase() : undefined)],
  ['toUpperCase', (s, a) => (a.length === 0 ? s.toUpperCase() : undefined)],
  ['equals', (s, a) => (a.length === 1 ? s === a[0] : undefined)],
  [
    'equalsIgnoreCase',
    (s, a) =>
      a.length === 1 ? typeof a[0] === 'string' && s.toLowerCase() === a[0].toLowerCase() : undefined,
  ],
  ['contains', (s, a) => (a.length === 1 ? s.includes(text(a, 0, 'contains')) : undefined)],
  [
    'startsWith',
    (s, a) => {
      if (a.length === 1) return s.startsWith(text(a, 0, 'startsWith'));
      const offset = int(a, 1);
      return a.length === 2 && offset !== undefined
        ? s.startsWith(text(a, 0, 'startsWith'), offset)
        : undefined;
    },
  ],
  ['endsWith', (s, a) => (a.length === 1 ? s.endsWith(text(a, 0, 'endsWith')) : undefined)],
  [
    'indexOf',
    (s, a) => {
      if (a.length === 1) return s.indexOf(text(a, 0, 'indexOf'));
      const from = int(a, 1);
      return a.length === 2 && from !== undefined
        ? s.indexOf(text(a, 0, 'indexOf'), Math.max(0, from))
        : undefined;
    },
  ],
  ['lastIndexOf', (s, a) => (a.length === 1 ? s.lastIndexOf(text(a, 0, 'lastIndexOf')) : undefined)],
  [
    'substring',
    (s, a) => {
      const begin = int(a, 0);
      const end = a.length === 2 ? int(a, 1) : s.length;
      if (begin === undefined || end === undefined || a.length > 2) return undefined;
      checkRange(s.length, begin, end, 'substring');
      return s.slice(begin, end);
    },
  ],
  [
    'charAt',
    (s, a) => {
      const index = int(a, 0);
      if (index === undefined || a.length !== 1) return undefined;
      checkRange(s.length, index, index + 1, 'charAt');
      return s[index];
    },
  ],
  ['concat', (s, a) => (a.length === 1 ? s + text(a, 0, 'concat') : undefined)],
  [
    'replace',
    (s, a) => (a.length === 2 ? s.split(text(a, 0, 'replace')).join(text(a, 1, 'replace')) : undefined),
  ],
  ['matches', (s, a) => (a.length === 1 ? javaMatches(s, text(a, 0, 'matches')) : undefined)],
  [
    'replaceAll',
    (s, a) =>
      a.length === 2 ? javaReplaceAll(s, text(a, 0, 'replaceAll'), text(a, 1, 'replaceAll')) : undefined,
  ],
  [
    'replaceFirst',
    (s, a) =>
      a.length === 2
        ? javaReplaceFirst(s, text(a, 0, 'replaceFirst'), text(a, 1, 'replaceFirst'))
        : undefined,
  ],
  [
    'split',
    (s, a) => {
      if (a.length === 1) return javaSplit(s, text(a, 0, 'split'));
      const limit = int(a, 1);
      return a.length === 2 && limit !== undefined ? javaSplit(s, text(a, 0, 'split'), limit) : undefined;
    },
  ],
  [
    'compareTo',
    (s, a) => {
      if (a.length !== 1) return undefined;
      const other = text(a, 0, 'compareTo');
      for (let i = 0; i < Math.min(s.length, other.length); i++) {
        if (s.charCodeAt(i) !== other.charCodeAt(i)) return s.charCodeAt(i) - other.charCodeAt(i);
      }
      return s.length - other.length;
    },
  ],
]);

/** `List.get(i)`: out of range throws, as Java's `IndexOutOfBoundsException`. */
function listIndex(
  list: readonly unknown[],
  args: readonly unknown[],
  size = list.length,
): number | undefined {
  const index = int(args, 0);
  if (index === undefined) return undefined;
  if (index < 0 || index >= size)
    throw new JavaMethodError(`index ${index} is out of range for a list of ${list.length}`);
  return index;
}

const LIST_METHODS = new Map<string, Method<unknown[]>>([
  ['size', (l, a) => (a.length === 0 ? l.length : undefined)],
  ['isEmpty', (l, a) => (a.length === 0 ? l.length === 0 : undefined)],
  ['toString', (l, a) => (a.length === 0 ? toJavaString(l) : undefined)],
  [
    'get',
    (l, a) => {
      const index = a.length === 1 ? listIndex(l, a) : undefined;
      return index === undefined ? undefined : l[index];
    },
  ],
  ['contains', (l, a) => (a.length === 1 ? l.some((item) => sameValue(item, a[0])) : undefined)],
  ['indexOf', (l, a) => (a.length === 1 ? l.findIndex((item) => sameValue(item, a[0])) : undefined)],
  [
    'add',
    (l, a) => {
      if (a.length === 1) return l.push(a[0]) > 0;
      const index = a.length === 2 ? listIndex(l, a, l.length + 1) : undefined;
      if (index !== undefined) l.splice(index, 0, a[1]);
      return undefined;
    },
  ],
  [
    'set',
    (l, a) => {
      const index = a.length === 2 ? listIndex(l, a) : undefined;
      if (index === undefined) return undefined;
      const previous = l[index];
      l[index] = a[1];
      return previous;
    },
  ],
  [
    'remove',
    (l, a) => {
      if (a.length !== 1) return undefined;
      if (typeof a[0] === 'number') {
        const index = listIndex(l, a);
        return index === undefined ? undefined : l.splice(index, 1)[0];
      }
      const at = l.findIndex((item) => sameValue(item, a[0]));
      if (at >= 0) l.splice(at, 1);
      return at >= 0;
    },
  ],
  [
    'subList',
    (l, a) => {
      const from = int(a, 0);
      const to = int(a, 1);
      if (a.length !== 2 || from === undefined || to === undefined) return undefined;
      if (from < 0 || to > l.length || from > to) {
        throw new JavaMethodError(`subList(${from}, ${to}) is out of range for a list of ${l.length}`);
      }
      return markVelocityList(l.slice(from, to));
    },
  ],
  [
    'addAll',
    (l, a) => {
      if (a.length !== 1 || !Array.isArray(a[0])) return undefined;
      l.push(...a[0]);
      return a[0].length > 0;
    },
  ],
  [
    'clear',
    (l, a) => {
      if (a.length === 0) l.length = 0;
      return undefined;
    },
  ],
  [
    'equals',
    (l, a) => (a.length === 1 ? Array.isArray(a[0]) && toJavaString(l) === toJavaString(a[0]) : undefined),
  ],
]);

const MAP_METHODS = new Map<string, Method<Record<string, unknown>>>([
  ['get', (m, a) => (a.length === 1 ? readJavaIndex(m, a[0]) : undefined)],
  [
    'getOrDefault',
    (m, a) =>
      a.length === 2 ? (typeof a[0] === 'string' && Object.hasOwn(m, a[0]) ? m[a[0]] : a[1]) : undefined,
  ],
  [
    'put',
    (m, a) => {
      if (a.length !== 2) return undefined;
      const key = text(a, 0, 'put');
      const previous = readJavaIndex(m, key);
      putMapEntry(m, key, a[1]);
      return previous;
    },
  ],
  [
    'putAll',
    (m, a) => {
      const other = a[0];
      if (a.length !== 1 || !isJavaMap(other)) return undefined;
      for (const key of Object.keys(other)) putMapEntry(m, key, other[key]);
      return undefined;
    },
  ],
  [
    'remove',
    (m, a) => {
      if (a.length !== 1 || typeof a[0] !== 'string' || !Object.hasOwn(m, a[0])) return undefined;
      const previous = m[a[0]];
      delete m[a[0]];
      return previous;
    },
  ],
  [
    'containsKey',
    (m, a) => (a.length === 1 ? typeof a[0] === 'string' && Object.hasOwn(m, a[0]) : undefined),
  ],
  [
    'containsValue',
    (m, a) => (a.length === 1 ? Object.keys(m).some((key) => sameValue(m[key], a[0])) : undefined),
  ],
  ['keySet', (m, a) => (a.length === 0 ? markVelocityList(Object.keys(m)) : undefined)],
  ['values', (m, a) => (a.length === 0 ? markVelocityList(Object.keys(m).map((key) => m[key])) : undefined)],
  [
    'entrySet',
    (m, a) =>
      a.length === 0 ? markVelocityList(Object.keys(m).map((key) => new MapEntry(key, m[key]))) : undefined,
  ],
  ['size', (m, a) => (a.length === 0 ? Object.keys(m).length : undefined)],
  ['isEmpty', (m, a) => (a.length === 0 ? Object.keys(m).length === 0 : undefined)],
  ['toString', (m, a) => (a.length === 0 ? toJavaString(m) : undefined)],
  [
    'clear',
    (m, a) => {
      if (a.length === 0) for (const key of Object.keys(m)) delete m[key];
      return undefined;
    },
  ],
  [
    'equals',
    (m, a) => (a.length === 1 ? isJavaMap(a[0]) && toJavaString(m) === toJavaString(a[0]) : undefined),
  ],
]);

const NUMBER_METHODS = new Map<string, Method<number>>([
  ['toString', (n, a) => (a.length === 0 ? toJavaString(n) : undefined)],
  ['intValue', (n, a) => (a.length === 0 ? Math.trunc(n) : undefined)],
  ['longValue', (n, a) => (a.length === 0 ? Math.trunc(n) : undefined)],
  ['doubleValue', (n, a) => (a.length === 0 ? n : undefined)],
  ['equals', (n, a) => (a.length === 1 ? n === a[0] : undefined)],
]);

const BOOLEAN_METHODS = new Map<string, Method<boolean>>([
  ['toString', (b, a) => (a.length === 0 ? toJavaString(b) : undefined)],
  ['booleanValue', (b, a) => (a.length === 0 ? b : undefined)],
  ['equals', (b, a) => (a.length === 1 ? b === a[0] : undefined)],
]);

/** Java's `equals` between elements: like `==` in templates, except that `null` equals only `null`. */
function sameValue(left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null || right === undefined) {
    return (left === null || left === undefined) && (right === null || right === undefined);
  }
  return javaEquals(left, right);
}
