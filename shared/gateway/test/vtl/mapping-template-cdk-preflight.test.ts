/**
 * CDK's preflight response templates for several origins, rendered as API Gateway renders them.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { compileMappingTemplate, emptyOverrides } from '../../src/vtl/index.js';
import { mappingInput } from './render-template.js';

/** CDK's multi-origin preflight response templates (reference §1 (c)). */
describe('CDK preflight templates for several origins', () => {
  const current = [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "")',
    '  #set($origin = $input.params().header.get("origin"))',
    '#end',
    '#if($origin == "https://b.example" || $origin == "https://c.example")',
    '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
    '',
  ].join('\n');
  const beforeCdk292 = [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "") #set($origin = $input.params().header.get("origin")) #end',
    '#if($origin.matches("https://b.example") || $origin.matches("https://c.example"))',
    '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');

  for (const [form, source] of [
    ['== form', current],
    ['matches form', beforeCdk292],
  ] as const) {
    const template = compileMappingTemplate(source, `ApiOPTIONS IntegrationResponses[0] (${form})`);
    const preflight = (header: Record<string, string>) =>
      template.render(mappingInput({ header, overrides: emptyOverrides() }));

    it(`echoes an allowed Origin in the override header (${form})`, () => {
      const result = preflight({ Origin: 'https://c.example' });
      expect(result.overrides.responseOverride.header).toEqual({
        'Access-Control-Allow-Origin': 'https://c.example',
      });
      expect(result.output.trim()).toBe('');
    });

    it(`falls back to a lower-case origin header (${form})`, () => {
      const result = preflight({ origin: 'https://b.example' });
      expect(result.overrides.responseOverride.header).toEqual({
        'Access-Control-Allow-Origin': 'https://b.example',
      });
    });

    it(`sets no override for another origin (${form})`, () => {
      const result = preflight({ Origin: 'https://evil.example' });
      expect(result.overrides.responseOverride.header).toEqual({});
      expect(result.output.trim()).toBe('');
    });

    it(`sets no override without an Origin header (${form})`, () => {
      const result = preflight({});
      expect(result.overrides.responseOverride.header).toEqual({});
      expect(result.output.trim()).toBe('');
    });
  }

  it('treats the origins of the matches form as Java regexes (an unescaped . matches any character)', () => {
    const template = compileMappingTemplate(beforeCdk292, 'ApiOPTIONS');
    const result = template.render(mappingInput({ header: { Origin: 'https://bXexample' } }));
    expect(result.overrides.responseOverride.header).toEqual({
      'Access-Control-Allow-Origin': 'https://bXexample',
    });
  });
});
