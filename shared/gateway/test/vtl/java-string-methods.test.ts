import { describe, expect, it } from 'vitest';
import { JavaMethodError } from '../../src/vtl/java-method-error.js';
import { STRING_METHODS } from '../../src/vtl/java-string-methods.js';

const call = (receiver: string, name: string, ...args: unknown[]): unknown =>
  STRING_METHODS.get(name)?.(receiver, args);

describe('STRING_METHODS', () => {
  it('trims only characters up to U+0020, as String.trim does', () => {
    expect(call(' \t\u0001a b\n ', 'trim')).toBe('a b');
    expect(call('\u00a0a\u00a0', 'trim')).toBe('\u00a0a\u00a0');
  });

  it('answers undefined for a call with the wrong number of arguments', () => {
    expect(call('abc', 'length')).toBe(3);
    expect(call('abc', 'length', 1)).toBeUndefined();
    expect(call('abc', 'substring', 1, 2, 3)).toBeUndefined();
    expect(call('abc', 'substring', '1')).toBeUndefined();
    expect(STRING_METHODS.has('size')).toBe(false);
  });

  it('throws a JavaMethodError for substring and charAt out of range, quoting the bounds', () => {
    expect(call('abc', 'substring', 1)).toBe('bc');
    expect(call('abc', 'substring', 0, 3)).toBe('abc');
    expect(() => call('abc', 'substring', 0, 4)).toThrow(JavaMethodError);
    expect(() => call('abc', 'substring', 0, 4)).toThrow(
      'substring(0, 4) is out of range for a string of length 3',
    );
    expect(() => call('abc', 'charAt', -1)).toThrow('charAt(-1, 0) is out of range for a string of length 3');
  });

  it('searches from an offset with startsWith and indexOf, a negative offset counting as 0', () => {
    expect(call('abcabc', 'startsWith', 'bc', 1)).toBe(true);
    expect(call('abcabc', 'indexOf', 'a', 1)).toBe(3);
    expect(call('abcabc', 'indexOf', 'a', -5)).toBe(0);
    expect(call('abcabc', 'lastIndexOf', 'a')).toBe(3);
  });

  it('compares strings by UTF-16 code unit, then by length, as compareTo does', () => {
    expect(call('a', 'compareTo', 'b')).toBe(-1);
    expect(call('abc', 'compareTo', 'ab')).toBe(1);
    expect(call('B', 'compareTo', 'a')).toBe(-31);
    expect(call('x', 'compareTo', 'x')).toBe(0);
  });

  it('compares equalsIgnoreCase with strings only, and equals without conversion', () => {
    expect(call('Origin', 'equalsIgnoreCase', 'ORIGIN')).toBe(true);
    expect(call('1', 'equalsIgnoreCase', 1)).toBe(false);
    expect(call('1', 'equals', 1)).toBe(false);
  });

  it('uses Java regular expressions in matches, replaceAll, replaceFirst and split', () => {
    expect(call('a1b22', 'matches', '[a-z0-9]+')).toBe(true);
    expect(call('a1b22', 'replaceAll', '\\d+', '#')).toBe('a#b#');
    expect(call('a1b22', 'replaceFirst', '(\\d)', '<$1>')).toBe('a<1>b22');
    expect(call('a,b,,', 'split', ',')).toEqual(['a', 'b']);
    expect(call('a,b,,', 'split', ',', -1)).toEqual(['a', 'b', '', '']);
  });

  it('replaces literal text with replace, converting a non-string argument', () => {
    expect(call('a.b.c', 'replace', '.', '')).toBe('abc');
    expect(call('v1', 'replace', 1, 2)).toBe('v2');
    expect(() => call('abc', 'replace', null, 'x')).toThrow('replace() was given null');
  });
});
