import { describe, expect, it } from 'vitest';
import { JavaMethodError } from '../../src/vtl/java-method-error.js';
import { callJavaMethod } from '../../src/vtl/java-methods.js';
import { readJavaIndex, readJavaProperty } from '../../src/vtl/java-property-access.js';
import { toJavaString } from '../../src/vtl/java-values.js';
import { render } from './render-template.js';

describe('String methods', () => {
  it('answers length, contains, indexOf, substring, toUpperCase and trim as java.lang.String', () => {
    expect(
      render(
        '#set($s = "  Hello, World ")$s.length()|$s.contains("World")|$s.indexOf("o")|$s.trim().substring(7)|$s.toUpperCase()|$s.trim()|',
      ),
    ).toBe('15|true|6|World|  HELLO, WORLD |Hello, World|');
  });

  it('replaces literal text in replace and regex matches in replaceAll', () => {
    expect(render('#set($s = "a.b.c")$s.replace(".", "/") $s.replaceAll(".", "x")')).toBe('a/b/c xxxxx');
  });

  it('throws like Java for an index out of range', () => {
    expect(() => callJavaMethod('abc', 'charAt', [3])).toThrow(JavaMethodError);
    expect(() => callJavaMethod('abc', 'substring', [2, 1])).toThrow(/out of range/);
    expect(callJavaMethod('abc', 'charAt', [1])).toBe('b');
  });

  it('throws like a NullPointerException for a null argument', () => {
    expect(() => callJavaMethod('abc', 'contains', [null])).toThrow(/contains\(\) was given null/);
  });

  it('gives null for a method String does not have or a wrong number of arguments', () => {
    expect(callJavaMethod('abc', 'size', [])).toBeUndefined();
    expect(callJavaMethod('abc', 'length', [1])).toBeUndefined();
    expect(render('[#set($s = "abc")$s.reverse()]')).toBe('[]');
  });

  it('splits with a Java regex into a list that prints as [a, b]', () => {
    expect(render('#set($s = "a, b,c")$s.split(",\\s*") $s.split(",").size()')).toBe('[a, b, c] 3');
  });
});

describe('Map methods', () => {
  it('reads keys case-sensitively with get, unlike velocityjs’s getter', () => {
    expect(callJavaMethod({ origin: 'x' }, 'get', ['Origin'])).toBeUndefined();
    expect(callJavaMethod({ Origin: 'x' }, 'get', ['Origin'])).toBe('x');
  });

  it('returns the previous value from put and remove, as java.util.Map', () => {
    expect(render('#set($m = {"a": "1"})[$m.put("a", "2")][$m.put("b", "3")][$m.remove("a")]$m')).toBe(
      '[1][][2]{b=3}',
    );
  });

  it('lists keys, values and entries', () => {
    const template =
      '#set($m = {"a": 1, "b": 2})$m.keySet() $m.values() #foreach($e in $m.entrySet())$e.key:$e.getValue();#end $m.entrySet()';
    expect(render(template)).toBe('[a, b] [1, 2] a:1;b:2; [a=1, b=2]');
  });

  it('answers containsKey, size, isEmpty and getOrDefault', () => {
    expect(
      render(
        '#set($m = {"a": 1})$m.containsKey("a") $m.containsKey("toString") $m.size() $m.isEmpty() $m.getOrDefault("z", 9)',
      ),
    ).toBe('true false 1 false 9');
  });

  it('stores a __proto__ key as an ordinary entry', () => {
    const map: Record<string, unknown> = {};
    callJavaMethod(map, 'put', ['__proto__', 'x']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(toJavaString(map)).toBe('{__proto__=x}');
  });
});

describe('List methods', () => {
  it('answers size, get, contains, indexOf and isEmpty', () => {
    expect(
      render('#set($l = ["a", "b"])$l.size() $l.get(1) $l.contains("a") $l.indexOf("b") $l.isEmpty()'),
    ).toBe('2 b true 1 false');
  });

  it('adds and removes elements', () => {
    expect(render('#set($l = ["a"])#set($ok = $l.add("b"))$ok $l $l.remove(0) $l')).toBe('true [a, b] a [b]');
  });

  it('throws like Java for get out of range', () => {
    expect(() => callJavaMethod(['a'], 'get', [1])).toThrow(/index 1 is out of range/);
  });
});

describe('properties and indexes', () => {
  it('reads a map entry by property, but only its own entries', () => {
    expect(readJavaProperty({ a: 1 }, 'a')).toBe(1);
    expect(readJavaProperty({}, 'toString')).toBeUndefined();
    expect(readJavaProperty({}, 'constructor')).toBeUndefined();
  });

  it('gives null for properties of strings and lists except empty', () => {
    expect(readJavaProperty('abc', 'length')).toBeUndefined();
    expect(readJavaProperty(['a'], 'length')).toBeUndefined();
    expect(readJavaProperty('', 'empty')).toBe(true);
  });

  it('indexes lists by integer and maps by string key', () => {
    expect(readJavaIndex(['a', 'b'], 1)).toBe('b');
    expect(readJavaIndex(['a', 'b'], 5)).toBeUndefined();
    expect(readJavaIndex({ k: 'v' }, 'k')).toBe('v');
    expect(readJavaIndex('abc', 0)).toBeUndefined();
  });
});
