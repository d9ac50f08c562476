/**
 * How a mapping template prints what `$input.path` returns, as recorded on AWS: one test per fact of the
 * API Gateway reference (§3 "The VTL environment"), each named after the fact. The templates and expected
 * outputs are those of LocalStack's AWS-validated snapshots.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { render } from './render-template.js';

/** The LocalStack `test_input_path_template_formatting` templates, which read `$.json` of an echo. */
const PATH = '#set($result = $input.path("$.json"))$result';
const NESTED = '#set($result = $input.path("$.json"))$result.nested';
const LIST = '#set($result = $input.path("$.json"))$result[0]';
const TO_STRING = '#set($result = $input.path("$.json"))$result.toString()';
const PROBE =
  '{"body": $result, "nested": $result.nested, "isNull": #if( $result == $null )"true"#else"false"#end, ' +
  '"isEmptyString": #if( $result == "" )"true"#else"false"#end}';
const INVALID_PATH = `#set($result = $input.path("$.nonExisting"))${PROBE}`;
const NESTED_LIST = `#set($result = $input.path("$.json.listValue"))${PROBE}`;
const echo = (json: unknown) => JSON.stringify({ json });

describe('rendering recorded on AWS (reference §3)', () => {
  it('prints a map in Java toString form: {foo=bar}', () => {
    expect(render(PATH, { body: echo({ foo: 'bar' }) })).toBe('{foo=bar}');
  });

  it('prints a bigger map with ", " between entries: {bigger=dict, to=test, with=separators}', () => {
    expect(render(PATH, { body: echo({ bigger: 'dict', to: 'test', with: 'separators' }) })).toBe(
      '{bigger=dict, to=test, with=separators}',
    );
  });

  it('prints a list as compact JSON: [{"foo":"bar"}]', () => {
    expect(render(PATH, { body: echo([{ foo: 'bar' }]) })).toBe('[{"foo":"bar"}]');
  });

  it('prints a map reached by a property as {foo=bar}', () => {
    expect(render(NESTED, { body: echo({ nested: { foo: 'bar' } }) })).toBe('{foo=bar}');
  });

  it('prints a list reached by a property as JSON', () => {
    expect(render(NESTED, { body: echo({ nested: [{ foo: 'bar' }] }) })).toBe('[{"foo":"bar"}]');
  });

  it('prints a map taken from a list by index as {foo=bar}', () => {
    expect(render(LIST, { body: echo([{ foo: 'bar' }]) })).toBe('{foo=bar}');
  });

  it('prints a list taken from a list by index as JSON', () => {
    expect(render(LIST, { body: echo([[{ foo: 'bar' }]]) })).toBe('[{"foo":"bar"}]');
  });

  it('prints a map holding a list: {foo=[{"nested":"bar"}]}', () => {
    expect(render(PATH, { body: echo({ foo: [{ nested: 'bar' }] }) })).toBe('{foo=[{"nested":"bar"}]}');
  });

  it('gives the same text with .toString()', () => {
    expect(render(TO_STRING, { body: echo({ foo: 'bar' }) })).toBe('{foo=bar}');
    expect(render(TO_STRING, { body: echo({ list: [{ foo: 'bar' }] }) })).toBe('{list=[{"foo":"bar"}]}');
  });

  it('renders a missing path empty, equal to both $null and "", with an empty .nested', () => {
    expect(render(INVALID_PATH)).toBe('{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}');
  });

  it('treats a JSON null like a missing path', () => {
    expect(render(NESTED_LIST, { body: echo({ listValue: null }) })).toBe(
      '{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}',
    );
  });

  it('renders an empty list as [] that is neither null nor ""', () => {
    expect(render(NESTED_LIST, { body: echo({ listValue: [] }) })).toBe(
      '{"body": [], "nested": , "isNull": "false", "isEmptyString": "false"}',
    );
  });

  it('renders a property of the body string ($input.body.foo) empty', () => {
    for (const body of ['', '{"testAccess": 1}', 'some raw data']) {
      expect(render('#set($result = $input.body.testAccess)$result', { body })).toBe('');
    }
  });

  it('url-encodes the body and renders the encoding of $input.body.testAccess empty', () => {
    const template =
      'EncodedBody=$util.urlEncode($input.body)&EncodedBodyAccess=$util.urlEncode($input.body.testAccess)';
    expect(render(template)).toBe('EncodedBody=%7B%7D&EncodedBodyAccess=');
    expect(render(template, { body: '{"some": "value"}' })).toBe(
      'EncodedBody=%7B%22some%22%3A+%22value%22%7D&EncodedBodyAccess=',
    );
    expect(render(template, { body: 'some raw data' })).toBe('EncodedBody=some+raw+data&EncodedBodyAccess=');
  });
});
