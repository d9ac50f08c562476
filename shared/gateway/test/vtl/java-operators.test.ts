import { describe, expect, it } from 'vitest';
import {
  isJavaTruthy,
  javaAdd,
  javaArithmetic,
  javaCompare,
  javaEquals,
  javaNegate,
} from '../../src/vtl/java-operators.js';
import { markVelocityList } from '../../src/vtl/java-values.js';
import { render } from './render-template.js';

describe('isJavaTruthy', () => {
  it('treats only null and false as false: "", 0 and [] are true', () => {
    expect([null, undefined, false].map(isJavaTruthy)).toEqual([false, false, false]);
    expect(['', 0, [], {}, 'false'].map(isJavaTruthy)).toEqual([true, true, true, true, true]);
  });

  it('decides #if, #elseif, ! and && that way in templates', () => {
    expect(render('#if("")empty-is-true#end #if(!$missing)missing-is-false#end')).toBe(
      'empty-is-true missing-is-false',
    );
    expect(render('#if($missing)a#elseif(0)b#{else}c#end')).toBe('b');
    expect(
      render("#set($limit = $input.params('limit'))#if($limit && $limit.length() != 0)set#{else}unset#end"),
    ).toBe('unset');
  });
});

describe('javaEquals', () => {
  it('compares numbers by value and mixed kinds by their string form', () => {
    expect(javaEquals(1, 1.0)).toBe(true);
    expect(javaEquals(1, '1')).toBe(true);
    expect(javaEquals(true, 'true')).toBe(true);
    expect(javaEquals('a', 'b')).toBe(false);
  });

  it('compares maps and lists by content', () => {
    expect(javaEquals({ a: 'b' }, { a: 'b' })).toBe(true);
    expect(javaEquals(markVelocityList([1]), markVelocityList([2]))).toBe(false);
  });

  it('makes null equal to null and to "", but not to other values', () => {
    expect(javaEquals(undefined, null)).toBe(true);
    expect(javaEquals(null, '')).toBe(true);
    expect(javaEquals('', undefined)).toBe(true);
    expect(javaEquals(null, 'x')).toBe(false);
    expect(javaEquals(null, 0)).toBe(false);
  });
});

describe('arithmetic and comparison', () => {
  it('divides integers as integers and gives null when dividing by zero', () => {
    expect(javaArithmetic('/', 7, 2)).toBe(3);
    expect(javaArithmetic('/', -7, 2)).toBe(-3);
    expect(javaArithmetic('/', 7.5, 2)).toBe(3.75);
    expect(javaArithmetic('/', 1, 0)).toBeUndefined();
    expect(javaArithmetic('%', 7, 0)).toBeUndefined();
  });

  it('gives null for arithmetic on a non-number', () => {
    expect(javaArithmetic('*', '2', 3)).toBeUndefined();
    expect(javaNegate('1')).toBeUndefined();
    expect(javaNegate(1)).toBe(-1);
  });

  it('concatenates with + when a side is a string, a null side giving its reference text', () => {
    expect(javaAdd('a', 1, '"a"', '1')).toBe('a1');
    expect(javaAdd('a', null, '"a"', '$missing')).toBe('a$missing');
    expect(render('#set($s = "id-" + $n)$s', { body: '' })).toBe('id-$n');
  });

  it('compares numbers only; strings compare as false', () => {
    expect(javaCompare('<', 1, 2)).toBe(true);
    expect(javaCompare('>=', 2, 2)).toBe(true);
    expect(javaCompare('<', 'a', 'b')).toBe(false);
    expect(render('#if(2 > 1)yes#end#if("b" > "a")no#end')).toBe('yes');
  });
});
