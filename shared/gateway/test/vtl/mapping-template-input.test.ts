/**
 * `$input` in a mapping template: one test per fact of the API Gateway reference (§3 "The VTL
 * environment"), each named after the fact.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { render } from './render-template.js';

describe('$input (reference §3)', () => {
  it('gives the raw payload as $input.body, spacing and all', () => {
    expect(render('#set($result = $input.body)$result', { body: '{"some": "value"}' })).toBe(
      '{"some": "value"}',
    );
    expect(render('#set($result = $input.body)$result', { body: 'some raw data' })).toBe('some raw data');
  });

  it('renders an empty body as {}', () => {
    expect(render('#set($result = $input.body)$result', { body: '' })).toBe('{}');
    expect(render('Action=SendMessage&MessageBody=$input.body')).toBe('Action=SendMessage&MessageBody={}');
  });

  it('inlines the raw body in text such as an SQS form body', () => {
    expect(render('Action=SendMessage&MessageBody=$input.body', { body: '{"some": "value"}' })).toBe(
      'Action=SendMessage&MessageBody={"some": "value"}',
    );
  });

  it('gives $input.json(path) as compact JSON text of the JSONPath result', () => {
    const body = '{"a": {"b": [1, 2]}, "s": "x"}';
    expect(render("$input.json('$')", { body })).toBe('{"a":{"b":[1,2]},"s":"x"}');
    expect(render("$input.json('$.a.b')", { body })).toBe('[1,2]');
    expect(render("$input.json('$.s')", { body })).toBe('"x"');
  });

  it('renders $input.json of a missing path as ""', () => {
    expect(render("$input.json('$.message')", { body: '{"action":"x"}' })).toBe('""');
    expect(render("$input.json('$.message')", { body: '"#foobar123"' })).toBe('""');
  });

  it('reads an empty body as {} in $input.json and $input.path as well', () => {
    expect(render("$input.json('$')")).toBe('{}');
    expect(render("$input.path('$.myVar')")).toBe('');
  });

  it('gives $input.path(path) as a template object to navigate', () => {
    const body = '{"items": [{"id": 7}, {"id": 8}], "owner": {"name": "ana"}}';
    expect(render("#set($o = $input.path('$'))$o.owner.name $o.items.size() $o.items[1].id", { body })).toBe(
      'ana 2 8',
    );
  });

  it('gives $input.params() as the map {path, querystring, header}', () => {
    const out = render('$input.params()', {
      path: { id: '7' },
      querystring: { q: 'x' },
      header: { Host: 'h' },
    });
    expect(out).toBe('{path={id=7}, querystring={q=x}, header={Host=h}}');
  });

  it('searches $input.params(name) in path, then querystring, then header', () => {
    const options = {
      path: { a: 'path' },
      querystring: { a: 'query', b: 'query' },
      header: { a: 'h', b: 'h', c: 'h' },
    };
    expect(
      render("$input.params('a') $input.params('b') $input.params('c') [$input.params('d')]", options),
    ).toBe('path query h []');
  });

  it('reads header names case-sensitively in $input.params().header.get("Origin")', () => {
    const template = '[$input.params().header.get("Origin")][$input.params().header.get("origin")]';
    expect(render(template, { header: { origin: 'https://a.example' } })).toBe('[][https://a.example]');
    expect(render(template, { header: { Origin: 'https://a.example' } })).toBe('[https://a.example][]');
  });
});
