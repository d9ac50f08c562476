/**
 * `compileMappingTemplate`: the templates it refuses, and the compiled templates it returns. The facts of
 * the VTL environment are in the `mapping-template-*.test.ts` files beside this one.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import {
  compileMappingTemplate,
  emptyOverrides,
  MappingTemplateRenderError,
  MappingTemplateSyntaxError,
} from '../../src/vtl/index.js';
import { mappingInput, REQUEST_CONTEXT, render } from './render-template.js';

describe('bad input', () => {
  const origin =
    'ProxyCorsRestApiOPTIONSEF3C92C2 IntegrationResponses[0] ResponseTemplates["application/json"]';

  it('refuses a syntax error at compile time, naming the origin, line, column and parser message', () => {
    let error: unknown;
    try {
      compileMappingTemplate('ok\n#set($a = )', origin);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MappingTemplateSyntaxError);
    const syntax = error as MappingTemplateSyntaxError;
    expect(syntax.origin).toBe(origin);
    expect(syntax.line).toBe(2);
    expect(syntax.column).toBeGreaterThan(0);
    expect(syntax.message).toContain(
      `${origin}: invalid mapping template at line 2, column ${syntax.column}`,
    );
    expect(syntax.message).toContain("got 'CLOSE_PARENTHESIS'");
  });

  it('refuses an #if without #end and a stray #end', () => {
    expect(() => compileMappingTemplate('x\n  #if($a)y', origin)).toThrow(
      /at line 2, column 3: #if is never closed by #end/,
    );
    expect(() => compileMappingTemplate('#if($a)y#end\n#end tail', origin)).toThrow(
      /at line 2, column 1: #end closes no #if/,
    );
    expect(() => compileMappingTemplate('#else', origin)).toThrow(/#else outside an #if/);
  });

  it('reports a render-time failure as MappingTemplateRenderError with the origin and the reference', () => {
    const template = compileMappingTemplate('line one\n  #set($s = "abc")$s.substring(2, 9)', origin);
    let error: unknown;
    try {
      template.render(mappingInput());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MappingTemplateRenderError);
    expect((error as Error).message).toBe(
      `${origin}: mapping template failed at line 2, column 19 in $s.substring(2,9): ` +
        'substring(2, 9) is out of range for a string of length 3',
    );
  });

  it('fails $input.json() on a body that is not JSON', () => {
    const template = compileMappingTemplate('{"body": $input.json(\'$\')}', origin);
    expect(() => template.render(mappingInput({ body: 'not json' }))).toThrow(MappingTemplateRenderError);
    expect(() => template.render(mappingInput({ body: 'not json' }))).toThrow(
      /in \$input\.json\('\$'\): the body is not valid JSON .*"not json"/,
    );
  });

  it('fails $input.path() on a body that is not JSON as well', () => {
    expect(() => render("$input.path('$.a')", { body: '{"a":' })).toThrow(/the body is not valid JSON/);
  });
});

describe('compiled templates', () => {
  it('renders a template without $ or # as its own text', () => {
    const template = compileMappingTemplate('{ statusCode: 200 }', 'ApiOPTIONS RequestTemplates');
    const overrides = emptyOverrides();
    const result = template.render(mappingInput({ overrides }));
    expect(result.output).toBe('{ statusCode: 200 }');
    expect(result.overrides).toBe(overrides);
  });

  it('renders the same template many times without carrying state between renders', () => {
    const template = compileMappingTemplate(
      '#foreach($i in [1..3])#if($i == 2)#break#end$i#end #set($seen = "$!seen+")$seen',
      'Loop',
    );
    for (let i = 0; i < 3; i++) expect(template.render(mappingInput()).output).toBe('1 +');
  });

  it('does not change the caller’s context, parameters or stage variables', () => {
    const context = { ...REQUEST_CONTEXT, identity: { sourceIp: '1.1.1.1' } };
    const header = { Origin: 'a' };
    const stageVariables = { s: '1' };
    render(
      '$context.identity.put("sourceIp", "x")$input.params().header.put("Origin", "b")$stageVariables.put("s", "2")',
      { context, header, stageVariables },
    );
    expect(context.identity.sourceIp).toBe('1.1.1.1');
    expect(header.Origin).toBe('a');
    expect(stageVariables.s).toBe('1');
  });
});
