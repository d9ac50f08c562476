import { describe, expect, it } from 'vitest';
import {
  escapeJavaScript,
  parseJson,
  urlDecode,
  urlEncode,
  utilVariable,
} from '../../src/vtl/util-variable.js';

describe('escapeJavaScript', () => {
  it('escapes control characters with short forms or \\u00XX', () => {
    expect(escapeJavaScript('\b\f\n\r\t\u0001\u001f')).toBe('\\b\\f\\n\\r\\t\\u0001\\u001F');
  });

  it('escapes every non-ASCII character as \\uXXXX in upper case', () => {
    expect(escapeJavaScript('é€😀')).toBe('\\u00E9\\u20AC\\uD83D\\uDE00');
  });

  it('leaves plain ASCII text alone', () => {
    expect(escapeJavaScript('plain text 123 <>&')).toBe('plain text 123 <>&');
  });
});

describe('urlEncode and urlDecode', () => {
  it('leaves only letters, digits and . - * _ unencoded, as Java’s URLEncoder', () => {
    expect(urlEncode("a-b_c.d*e~f!g'h(i)j k/é")).toBe('a-b_c.d*e%7Ef%21g%27h%28i%29j+k%2F%C3%A9');
  });

  it('refuses a malformed %-escape', () => {
    expect(() => urlDecode('100%')).toThrow(/malformed %-escape: "100%"/);
  });

  it('round-trips text through urlEncode and urlDecode', () => {
    const text = 'x=a+b & c/d é';
    expect(urlDecode(urlEncode(text))).toBe(text);
  });
});

describe('parseJson', () => {
  it('parses JSON values of every kind', () => {
    expect(parseJson('[1,2,3]')).toEqual([1, 2, 3]);
    expect(parseJson('"string"')).toBe('string');
    expect(parseJson('true')).toBe(true);
  });

  it('refuses text that is not JSON, quoting it', () => {
    expect(() => parseJson('{nope')).toThrow(/not JSON .*"\{nope"/);
  });
});

describe('$util', () => {
  it('gives null for a null argument and for a wrong number of arguments', () => {
    expect(utilVariable.javaMethod('urlEncode', [null])).toBeUndefined();
    expect(utilVariable.javaMethod('urlEncode', ['a', 'b'])).toBeUndefined();
    expect(utilVariable.javaMethod('urlEncode', ['a b'])).toBe('a+b');
  });

  it('converts a non-string argument to its Java string form first', () => {
    expect(utilVariable.javaMethod('escapeJavaScript', [{ a: 'b' }])).toBe('{a=b}');
    expect(utilVariable.javaMethod('base64Encode', [12])).toBe('MTI=');
  });

  it('prints as nothing and has no properties', () => {
    expect(utilVariable.javaString()).toBe('');
    expect(utilVariable.javaProperty('urlEncode')).toBeUndefined();
  });
});
