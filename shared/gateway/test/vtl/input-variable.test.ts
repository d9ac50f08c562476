import { describe, expect, it } from 'vitest';
import { InputVariable } from '../../src/vtl/input-variable.js';
import { render } from './render-template.js';

const params = { path: { id: '1' }, querystring: {}, header: { Accept: '*/*' } };

describe('InputVariable', () => {
  it('gives JSON null as null in $input.json and nothing in $input.path', () => {
    const input = new InputVariable('{"a": null}', params);
    expect(input.json('$.a')).toBe('null');
    expect(input.path('$.a')).toBeNull();
  });

  it('gives several matches as a JSON list', () => {
    expect(
      render("$input.json('$.items[*].id') $input.path('$..id')", { body: '{"items":[{"id":1},{"id":2}]}' }),
    ).toBe('[1,2] [1,2]');
  });

  it('parses the body once per render and lets the template change the parsed object', () => {
    const template = "#set($root = $input.path('$'))$root.put('added', 1)$input.json('$')";
    expect(render(template, { body: '{"a":0}' })).toBe('{"a":0,"added":1}');
    expect(render(template, { body: '{"a":0}' })).toBe('{"a":0,"added":1}');
  });

  it('copies the parameters once per render for $input.params()', () => {
    const input = new InputVariable('', params);
    expect(input.paramsMap()).toBe(input.paramsMap());
    expect(input.paramsMap().path).not.toBe(params.path);
    expect(input.paramsMap().path).toEqual(params.path);
  });

  it('reads $input.body as a property and $input.getBody() as its getter, and nothing else', () => {
    const input = new InputVariable('raw', params);
    expect(input.javaProperty('body')).toBe('raw');
    expect(input.javaMethod('getBody', [])).toBe('raw');
    expect(input.javaProperty('params')).toBeUndefined();
    expect(input.javaMethod('json', [])).toBeUndefined();
  });
});
