import { describe, expect, it } from 'vitest';
import { LIST_METHODS } from '../../src/vtl/java-list-methods.js';
import { JavaMethodError } from '../../src/vtl/java-method-error.js';
import { toJavaString } from '../../src/vtl/java-values.js';

const call = (receiver: unknown[], name: string, ...args: unknown[]): unknown =>
  LIST_METHODS.get(name)?.(receiver, args);

describe('LIST_METHODS', () => {
  it('inserts with add(index, element) up to the end, and throws beyond it', () => {
    const list = ['a', 'c'];
    expect(call(list, 'add', 1, 'b')).toBeUndefined();
    call(list, 'add', 3, 'd');
    expect(list).toEqual(['a', 'b', 'c', 'd']);
    expect(() => call(list, 'add', 5, 'x')).toThrow(JavaMethodError);
    expect(() => call(list, 'add', 5, 'x')).toThrow('index 5 is out of range for a list of 4');
  });

  it('returns the previous element from set and the removed one from remove(index)', () => {
    const list = ['a', 'b', 'c'];
    expect(call(list, 'set', 0, 'z')).toBe('a');
    expect(call(list, 'remove', 1)).toBe('b');
    expect(list).toEqual(['z', 'c']);
    expect(() => call(list, 'set', 2, 'x')).toThrow('index 2 is out of range for a list of 2');
  });

  it('removes an element by value with remove(object), telling whether it was there', () => {
    const list = ['a', null, 'b'];
    expect(call(list, 'remove', null)).toBe(true);
    expect(call(list, 'remove', 'x')).toBe(false);
    expect(list).toEqual(['a', 'b']);
  });

  it('finds elements with Java equals, where null is not the empty string', () => {
    expect(call(['', 'a'], 'contains', null)).toBe(false);
    expect(call([null, 'a'], 'indexOf', undefined)).toBe(0);
    expect(call([1, 2], 'contains', '2')).toBe(true);
  });

  it('gives a sub-list that prints as [a, b], and throws for a range out of bounds', () => {
    const sub = call(['a', 'b', 'c'], 'subList', 1, 3) as unknown[];
    expect(toJavaString(sub)).toBe('[b, c]');
    expect(() => call(['a'], 'subList', 0, 2)).toThrow('subList(0, 2) is out of range for a list of 1');
  });

  it('appends with addAll and empties with clear', () => {
    const list: unknown[] = ['a'];
    expect(call(list, 'addAll', ['b', 'c'])).toBe(true);
    expect(call(list, 'addAll', [])).toBe(false);
    expect(call(list, 'addAll', 'x')).toBeUndefined();
    expect(list).toEqual(['a', 'b', 'c']);
    call(list, 'clear');
    expect(list).toEqual([]);
  });

  it('compares lists with equals by what they print, and answers undefined for an unknown overload', () => {
    expect(call(['a', 'b'], 'equals', ['a', 'b'])).toBe(true);
    expect(call(['a'], 'equals', 'a')).toBe(false);
    expect(call(['a'], 'get', 0, 1)).toBeUndefined();
    expect(call(['a'], 'size', 1)).toBeUndefined();
  });
});
