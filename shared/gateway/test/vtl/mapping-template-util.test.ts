/**
 * `$util` in a mapping template: one test per fact of the API Gateway reference (§3 "The VTL
 * environment"), each named after the fact.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { UTIL_FUNCTION_NAMES } from '../../src/vtl/index.js';
import { render } from './render-template.js';

describe('$util (reference §3)', () => {
  it('has exactly escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode and base64Decode', () => {
    expect([...UTIL_FUNCTION_NAMES].sort()).toEqual(
      ['base64Decode', 'base64Encode', 'escapeJavaScript', 'parseJson', 'urlDecode', 'urlEncode'].sort(),
    );
  });

  it('renders an unknown $util function as nothing, without an error', () => {
    expect(render('[$util.toJson("x")][$util.time.nowISO8601()][$util.urlEncode]')).toBe('[][][]');
  });

  it("escapes ' as \\' in escapeJavaScript, which is not valid JSON", () => {
    expect(render(`$util.escapeJavaScript("it's")`)).toBe("it\\'s");
  });

  it('escapes like Apache Commons escapeJavaScript: quotes, backslash, slash, controls and non-ASCII', () => {
    expect(render('$util.escapeJavaScript($input.body)', { body: '{"a": "b/c\\d\té"}' })).toBe(
      '{\\"a\\": \\"b\\/c\\\\d\\t\\u00E9\\"}',
    );
  });

  it('returns an object with dot access from parseJson', () => {
    const template = `#set($o = $util.parseJson('{"key1":"var1","key2":{"arr":[1,2,3]}}'))$o.key1 $o.key2.arr[0]`;
    expect(render(template)).toBe('var1 1');
  });

  it('form-encodes in urlEncode: space as +', () => {
    expect(render('$util.urlEncode($input.body)', { body: '{"some": "value"} ~*' })).toBe(
      '%7B%22some%22%3A+%22value%22%7D+%7E*',
    );
  });

  it('decodes + as a space in urlDecode', () => {
    expect(render('$util.urlDecode("x%3Da+b%C3%A9")')).toBe('x=a bé');
  });

  it('chains base64Decode with parseJson', () => {
    const encoded = Buffer.from('{"message":"path1"}').toString('base64');
    expect(render(`$util.parseJson($util.base64Decode("${encoded}")).message`)).toBe('path1');
  });

  it('encodes UTF-8 text in base64Encode', () => {
    expect(render('$util.base64Encode("héllo")')).toBe(Buffer.from('héllo').toString('base64'));
  });
});
