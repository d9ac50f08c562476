import { describe, expect, it } from 'vitest';
import { createContextMap, markVelocityList, toJavaString } from '../../src/vtl/java-values.js';

describe('toJavaString', () => {
  it('prints null as nothing at the top and as null inside maps and template lists', () => {
    expect(toJavaString(null)).toBe('');
    expect(toJavaString(undefined)).toBe('');
    expect(toJavaString({ a: null })).toBe('{a=null}');
    expect(toJavaString(markVelocityList([null, 'x']))).toBe('[null, x]');
  });

  it('prints a map inside a map in map form', () => {
    expect(toJavaString({ a: { b: 'c', d: 1 }, e: true })).toBe('{a={b=c, d=1}, e=true}');
  });

  it('prints JSON lists as JSON and template lists as [a, b]', () => {
    expect(toJavaString(['a', { b: 1 }])).toBe('["a",{"b":1}]');
    expect(toJavaString(markVelocityList(['a', { b: 1 }]))).toBe('[a, {b=1}]');
  });

  it('prints the maps nested in $context as nothing, whatever they hold', () => {
    const identity = createContextMap();
    identity.sourceIp = '1.2.3.4';
    expect(toJavaString(identity)).toBe('');
    expect(toJavaString({ identity })).toBe('{identity=}');
  });

  it('prints numbers and booleans as text', () => {
    expect(toJavaString(42)).toBe('42');
    expect(toJavaString(1.5)).toBe('1.5');
    expect(toJavaString(false)).toBe('false');
  });
});
