import { describe, expect, it } from 'vitest';
import { elementsEqual, intArgument, stringArgument } from '../../src/vtl/java-method-arguments.js';
import { JavaMethodError } from '../../src/vtl/java-method-error.js';
import { markVelocityList } from '../../src/vtl/java-values.js';

describe('stringArgument', () => {
  it('gives a string argument as it is and converts other values as Java prints them', () => {
    expect(stringArgument(['a', 'b'], 1, 'concat')).toBe('b');
    expect(stringArgument([12], 0, 'concat')).toBe('12');
    expect(stringArgument([true], 0, 'concat')).toBe('true');
    expect(stringArgument([{ a: 1 }], 0, 'concat')).toBe('{a=1}');
    expect(stringArgument([markVelocityList(['x', 'y'])], 0, 'concat')).toBe('[x, y]');
  });

  it('throws a JavaMethodError naming the method for a null or missing argument', () => {
    expect(() => stringArgument([null], 0, 'contains')).toThrow(JavaMethodError);
    expect(() => stringArgument([null], 0, 'contains')).toThrow('contains() was given null');
    expect(() => stringArgument([], 0, 'indexOf')).toThrow('indexOf() was given null');
  });
});

describe('intArgument', () => {
  it('gives an integer argument, and undefined for anything that is not an integer', () => {
    expect(intArgument([3], 0)).toBe(3);
    expect(intArgument([0, -2], 1)).toBe(-2);
    expect(intArgument([1.5], 0)).toBeUndefined();
    expect(intArgument(['1'], 0)).toBeUndefined();
    expect(intArgument([], 0)).toBeUndefined();
  });
});

describe('elementsEqual', () => {
  it('lets null equal only null, unlike the template operator that also matches the empty string', () => {
    expect(elementsEqual(null, undefined)).toBe(true);
    expect(elementsEqual(null, '')).toBe(false);
    expect(elementsEqual('', undefined)).toBe(false);
    expect(elementsEqual(null, 'null')).toBe(false);
  });

  it('compares other values as the template operator == does', () => {
    expect(elementsEqual('a', 'a')).toBe(true);
    expect(elementsEqual(1, '1')).toBe(true);
    expect(elementsEqual({ a: 1 }, { a: 1 })).toBe(true);
    expect(elementsEqual('a', 'b')).toBe(false);
  });
});
