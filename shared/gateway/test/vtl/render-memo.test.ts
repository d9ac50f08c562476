import { describe, expect, it } from 'vitest';
import { compileMappingTemplate, type MappingInput } from '../../src/vtl/index.js';
import { MULTI_ORIGIN, mappingInput, REQUEST_CONTEXT } from './render-template.js';

const ORIGIN = 'TestMethod IntegrationResponses[0] ResponseTemplates["application/json"]';

/** Header sets a browser, curl or a hostile client might send. */
const HEADERS: ReadonlyArray<Record<string, string>> = [
  { Origin: 'http://localhost:5173' },
  { origin: 'http://localhost:5173' },
  { Origin: 'https://app.example.com' },
  { Origin: 'https://evil.example.com' },
  { origin: 'https://app.example.com', Origin: '' },
  { ORIGIN: 'http://localhost:5173' },
  {},
  { Origin: '"quoted" \\ value' },
  { Origin: 'http://localhost:5173', 'X-Other': 'changes nothing' },
];

/** A render of a freshly compiled template: nothing remembered yet. */
const freshRender = (source: string, input: MappingInput) =>
  compileMappingTemplate(source, ORIGIN).render(input);

describe('RenderMemo, through compileMappingTemplate', () => {
  it.each([
    ['the multi-origin CORS template', MULTI_ORIGIN],
    [
      'a template of a path parameter, a status and a body',
      '#set($id = $input.params(\'id\'))#if($id == \'\')#set($context.responseOverride.status = 404)#end{"id": "$util.escapeJavaScript($id)"}',
    ],
    [
      'a template that overrides a request header',
      '#set($context.requestOverride.header.X-Origin = $input.params("Origin"))',
    ],
  ])('renders %s as a fresh template would, for every request, repeats included', (_what, source) => {
    const template = compileMappingTemplate(source, ORIGIN);
    const inputs = [...HEADERS, ...HEADERS].map((header, i) =>
      mappingInput({ header, path: i % 3 === 0 ? {} : { id: `item-${i % 2}` } }),
    );
    for (const input of inputs) expect(template.render(input)).toEqual(freshRender(source, input));
  });

  it('renders a template once per origin and shares the result', () => {
    const template = compileMappingTemplate(MULTI_ORIGIN, ORIGIN);
    const first = template.render(mappingInput({ header: { Origin: 'http://localhost:5173' } }));
    const again = template.render(mappingInput({ header: { Origin: 'http://localhost:5173' } }));
    const other = template.render(mappingInput({ header: { Origin: 'https://app.example.com' } }));
    expect(again).toBe(first);
    expect(other.overrides.responseOverride.header).toEqual({
      'Access-Control-Allow-Origin': 'https://app.example.com',
    });
    expect(Object.isFrozen(first.overrides.responseOverride.header)).toBe(true);
  });

  it('renders again when an earlier template set an override', () => {
    const template = compileMappingTemplate(MULTI_ORIGIN, ORIGIN);
    const earlier = compileMappingTemplate('#set($context.responseOverride.status = 202)', ORIGIN).render(
      mappingInput(),
    ).overrides;
    const input = mappingInput({ header: { Origin: 'http://localhost:5173' }, overrides: earlier });
    const result = template.render(input);
    expect(result.overrides.responseOverride.status).toBe(202);
    expect(template.render(input)).not.toBe(result);
  });

  it('renders a template that reads $context on every request', () => {
    const template = compileMappingTemplate('$context.requestId', ORIGIN);
    const first = template.render(mappingInput());
    const second = template.render(mappingInput({ context: { ...REQUEST_CONTEXT, requestId: 'req-2' } }));
    expect([first.output, second.output]).toEqual(['req-1', 'req-2']);
  });

  it('keeps rendering correctly once more origins came than it remembers', () => {
    const template = compileMappingTemplate(MULTI_ORIGIN, ORIGIN);
    for (let i = 0; i < 300; i++)
      template.render(mappingInput({ header: { Origin: `https://${i}.example` } }));
    const input = mappingInput({ header: { Origin: 'https://app.example.com' } });
    expect(template.render(input)).toEqual(freshRender(MULTI_ORIGIN, input));
    expect(template.render(mappingInput({ header: { Origin: 'https://1.example' } })).overrides).toEqual(
      freshRender(MULTI_ORIGIN, mappingInput()).overrides,
    );
  });
});
