import { describe, expect, it } from 'vitest';
import { fnJoin, fnSelect, fnSplit } from '../../src/assembly/list-intrinsics.js';
import { UnresolvableValueError } from '../../src/assembly/unresolvable-value.js';

/** A resolver that knows one `Ref`, `{ Ref: 'Parts' }`, and leaves everything else as it is. */
const resolve = (value: unknown): unknown =>
  JSON.stringify(value) === '{"Ref":"Parts"}' ? ['x', 'y'] : value;
const resolveString = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new UnresolvableValueError(`${what} must resolve to a string`);
  return value;
};

describe('fnJoin', () => {
  it('joins the resolved list with the separator, numbers as text', () => {
    expect(fnJoin(['-', ['a', 1, 'b']], resolve)).toBe('a-1-b');
    expect(fnJoin([',', { Ref: 'Parts' }], resolve)).toBe('x,y');
    expect(fnJoin(['', []], resolve)).toBe('');
  });

  it('refuses a list that does not resolve to a list, quoting it', () => {
    expect(() => fnJoin(['-', 'abc'], resolve)).toThrow(UnresolvableValueError);
    expect(() => fnJoin(['-', 'abc'], resolve)).toThrow('Fn::Join of "abc"');
  });
});

describe('fnSelect', () => {
  it('selects by an index that is a number or the text of one', () => {
    expect(fnSelect([1, { Ref: 'Parts' }], resolve)).toBe('y');
    expect(fnSelect(['0', ['a', 'b']], resolve)).toBe('a');
  });

  it('refuses an index out of range and a list that is not one', () => {
    expect(() => fnSelect([2, ['a', 'b']], resolve)).toThrow(
      'Fn::Select index 2 is out of range of ["a","b"]',
    );
    expect(() => fnSelect([-1, ['a']], resolve)).toThrow(/out of range/);
    expect(() => fnSelect([0.5, ['a']], resolve)).toThrow(/out of range/);
    expect(() => fnSelect([0, 'a'], resolve)).toThrow('Fn::Select from "a"');
  });
});

describe('fnSplit', () => {
  it('splits the resolved string at every separator, keeping empty parts', () => {
    expect(fnSplit([',', 'a,,b'], resolveString)).toEqual(['a', '', 'b']);
    expect(fnSplit(['|', 'abc'], resolveString)).toEqual(['abc']);
  });

  it('names the source when it is not a string', () => {
    expect(() => fnSplit([',', ['a']], resolveString)).toThrow('Fn::Split source must resolve to a string');
  });
});
