import { describe, expect, it } from 'vitest';
import { parameterReads } from '../../src/vtl/parameter-reads.js';
import { parseVelocity } from '../../src/vtl/parse-velocity.js';
import { MULTI_ORIGIN } from './render-template.js';

const readsOf = (source: string) => parameterReads(parseVelocity(source, 'TestMethod ResponseTemplates'));

describe('parameterReads', () => {
  it('finds the two header reads of the multi-origin CORS template', () => {
    expect(readsOf(MULTI_ORIGIN)).toEqual([
      { kind: 'header', name: 'Origin' },
      { kind: 'header', name: 'origin' },
    ]);
  });

  it('accepts $input.params(name), $util functions, string methods, literals and comments', () => {
    const source = [
      '## a comment',
      "#set($id = $input.params('id'))",
      '#set($list = [1, "two", $id])',
      '#set($map = {"id": $id, "range": [1..3]})',
      '#if($id.length() > 2 && !$id.startsWith("x"))',
      '{"id": "$util.escapeJavaScript($id)", "first": $list[0], "n": 1.5, "ok": true}',
      '#elseif($map.id == $null)none',
      '#else',
      '#set($context.responseOverride.status = 404)',
      '#end',
    ].join('\n');
    expect(readsOf(source)).toEqual([{ kind: 'param', name: 'id' }]);
  });

  it('accepts a template that reads nothing of the request', () => {
    expect(readsOf('#set($context.responseOverride.header.X-Mode = "fixed")fixed')).toEqual([]);
  });

  it.each([
    ['the body', '$input.body'],
    ['a JSONPath of the body', "$input.json('$.id')"],
    ['every header at once', '#set($h = $input.params().header)$h'],
    ['a header name computed at render time', '#set($n = "Origin")$input.params().header.get($n)'],
    ['all parameters', '$input.params()'],
    ['a $context value', '$context.requestId'],
    ['an override set earlier', '#if($context.responseOverride.status == 200)a#end'],
    ['stage variables', '$stageVariables.mode'],
    ['an interpolated string', '#set($x = "id $input.body")$x'],
    ['a #foreach', '#foreach($x in [1, 2])$x#end'],
    ['a macro', '#macro(m)x#end#m()'],
    ['$util as a value', '#set($u = $util)$u'],
    ['a write to $input', '#set($input = "x")$input'],
    ['a write to a $context value', '#set($context.requestId = "x")'],
    ['the __proto__ header', '$input.params().header.get("__proto__")'],
  ])('refuses a template that reads %s', (_what, source) => {
    expect(readsOf(source)).toBeUndefined();
  });
});
