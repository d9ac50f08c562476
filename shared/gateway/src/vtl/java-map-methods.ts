import { elementsEqual, type JavaMethod, stringArgument } from './java-method-arguments.js';
import { putMapEntry, readJavaIndex } from './java-property-access.js';
import { isJavaMap, JAVA_OBJECT, type JavaObject, markVelocityList, toJavaString } from './java-values.js';

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

/**
 * The methods of `java.util.Map` that templates call, by name; maps are plain JavaScript objects.
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/Map.html
 */
export const MAP_METHODS: ReadonlyMap<string, JavaMethod<Record<string, unknown>>> = new Map<
  string,
  JavaMethod<Record<string, unknown>>
>([
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
      const key = stringArgument(a, 0, 'put');
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
    (m, a) => (a.length === 1 ? Object.keys(m).some((key) => elementsEqual(m[key], a[0])) : undefined),
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
