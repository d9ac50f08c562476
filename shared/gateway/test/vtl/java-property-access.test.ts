import { describe, expect, it } from 'vitest';
import { putMapEntry, readJavaIndex, readJavaProperty } from '../../src/vtl/java-property-access.js';
import { JAVA_OBJECT, type JavaObject, toJavaString } from '../../src/vtl/java-values.js';

const input: JavaObject = {
  [JAVA_OBJECT]: true,
  javaMethod: () => undefined,
  javaProperty: (name) => (name === 'body' ? '{"a":1}' : undefined),
  javaString: () => '',
};

describe('readJavaProperty', () => {
  it('asks a Java object of the environment for its own properties', () => {
    expect(readJavaProperty(input, 'body')).toBe('{"a":1}');
    expect(readJavaProperty(input, 'javaString')).toBeUndefined();
  });

  it('gives null for properties of null, numbers and booleans', () => {
    expect(readJavaProperty(null, 'a')).toBeUndefined();
    expect(readJavaProperty(1, 'empty')).toBeUndefined();
    expect(readJavaProperty(true, 'empty')).toBeUndefined();
    expect(readJavaProperty([], 'empty')).toBe(true);
  });
});

describe('readJavaIndex', () => {
  it('indexes neither Java objects nor maps by a key that is not a string', () => {
    expect(readJavaIndex(input, 'body')).toBeUndefined();
    expect(readJavaIndex({ 1: 'one' }, 1)).toBeUndefined();
    expect(readJavaIndex({ 1: 'one' }, '1')).toBe('one');
    expect(readJavaIndex(['a'], '0')).toBeUndefined();
    expect(readJavaIndex({}, 'toString')).toBeUndefined();
  });
});

describe('putMapEntry', () => {
  it('writes an entry that the map then prints', () => {
    const map: Record<string, unknown> = { a: 1 };
    putMapEntry(map, 'a', 2);
    putMapEntry(map, 'b', 'x');
    expect(map).toEqual({ a: 2, b: 'x' });
  });

  it('stores __proto__ as an ordinary, enumerable entry without changing the prototype', () => {
    const map: Record<string, unknown> = {};
    putMapEntry(map, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(readJavaIndex(map, '__proto__')).toEqual({ polluted: true });
    expect(toJavaString(map)).toBe('{__proto__={polluted=true}}');
    putMapEntry(map, '__proto__', 'again');
    expect(readJavaIndex(map, '__proto__')).toBe('again');
  });
});
