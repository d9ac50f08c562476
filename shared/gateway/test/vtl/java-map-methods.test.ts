import { describe, expect, it } from 'vitest';
import { MAP_METHODS } from '../../src/vtl/java-map-methods.js';
import { isJavaObject, type JavaObject, toJavaString } from '../../src/vtl/java-values.js';

const call = (receiver: Record<string, unknown>, name: string, ...args: unknown[]): unknown =>
  MAP_METHODS.get(name)?.(receiver, args);

describe('MAP_METHODS', () => {
  it('reads only the map’s own entries with get, getOrDefault and containsKey', () => {
    const map = { a: 1 };
    expect(call(map, 'get', 'a')).toBe(1);
    expect(call(map, 'get', 'toString')).toBeUndefined();
    expect(call(map, 'getOrDefault', 'constructor', 'd')).toBe('d');
    expect(call(map, 'containsKey', 'hasOwnProperty')).toBe(false);
    expect(call(map, 'containsValue', 1)).toBe(true);
  });

  it('writes with put and putAll, put returning the previous value', () => {
    const map: Record<string, unknown> = { a: 1 };
    expect(call(map, 'put', 'a', 2)).toBe(1);
    expect(call(map, 'put', 'b', 3)).toBeUndefined();
    expect(call(map, 'putAll', { c: 4, a: 5 })).toBeUndefined();
    expect(map).toEqual({ a: 5, b: 3, c: 4 });
    expect(() => call(map, 'put', null, 1)).toThrow('put() was given null');
  });

  it('removes an entry and empties the map with clear', () => {
    const map: Record<string, unknown> = { a: 1, b: 2 };
    expect(call(map, 'remove', 'a')).toBe(1);
    expect(call(map, 'remove', 'a')).toBeUndefined();
    expect(call(map, 'size')).toBe(1);
    call(map, 'clear');
    expect(call(map, 'isEmpty')).toBe(true);
  });

  it('lists keys and values as lists a template built, which print as [a, b]', () => {
    const map = { a: 1, b: null };
    expect(toJavaString(call(map, 'keySet'))).toBe('[a, b]');
    expect(toJavaString(call(map, 'values'))).toBe('[1, null]');
    expect(call(map, 'toString')).toBe('{a=1, b=null}');
  });

  it('gives entries that answer getKey, getValue, key and value and print as key=value', () => {
    const entries = call({ a: 1, b: null }, 'entrySet') as JavaObject[];
    const [first, second] = entries;
    expect(isJavaObject(first!)).toBe(true);
    expect(first!.javaMethod('getKey', [])).toBe('a');
    expect(first!.javaMethod('getValue', [])).toBe(1);
    expect(first!.javaMethod('getKey', ['x'])).toBeUndefined();
    expect(first!.javaProperty('value')).toBe(1);
    expect(first!.javaProperty('size')).toBeUndefined();
    expect(second!.javaMethod('toString', [])).toBe('b=null');
    expect(toJavaString(entries)).toBe('[a=1, b=null]');
  });

  it('compares maps with equals by what they print', () => {
    expect(call({ a: 1 }, 'equals', { a: 1 })).toBe(true);
    expect(call({ a: 1 }, 'equals', { a: 2 })).toBe(false);
    expect(call({}, 'equals', [])).toBe(false);
  });
});
