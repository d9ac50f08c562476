/**
 * The overrides of `$context.requestOverride` and `$context.responseOverride` a mapping template sets:
 * one test per override fact of the API Gateway reference (§2), each named after the fact.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { compileMappingTemplate, MappingTemplateRenderError } from '../../src/vtl/index.js';
import { mappingInput, render, renderTemplate } from './render-template.js';

describe('overrides (reference §2)', () => {
  const requestTemplate = `
    #set($context.responseOverride.status = 444)
    #set($context.responseOverride.header.foo = "bar")
    #set($context.responseOverride.custom = "is also passed around")
    {
      "statusCode": 200
    }
    `;

  it('returns the status and headers a request template overrides, without any response template', () => {
    const { overrides } = renderTemplate(requestTemplate);
    expect(overrides.responseOverride.status).toBe(444);
    expect(overrides.responseOverride.header).toEqual({ foo: 'bar' });
  });

  it('lets the response template read the status, header and other keys the request template set', () => {
    const { overrides } = renderTemplate(requestTemplate);
    const responseTemplate = `
    #set($statusOverride = $context.responseOverride.status)
    #set($fooHeader = $context.responseOverride.header.foo)
    #set($custom = $context.responseOverride.custom)
    {"statusOverride": "$statusOverride", "fooHeader": "$fooHeader", "custom": "$custom"}`;
    const response = renderTemplate(responseTemplate, { overrides });
    expect(JSON.parse(response.output)).toEqual({
      statusOverride: '444',
      fooHeader: 'bar',
      custom: 'is also passed around',
    });
    expect(response.overrides.responseOverride.status).toBe(444);
  });

  it('lets the response template read requestOverride.path set by the request template', () => {
    const request = compileMappingTemplate(
      `#set($body = $util.base64Decode($input.params('testPath')))
    #set($context.requestOverride.path.body = $body)
    {"statusCode": 200}`,
      'Request',
    );
    const response = compileMappingTemplate(
      `#set($body = $util.parseJson($context.requestOverride.path.body))
    #set($inputBody = $body.message)
    #if($inputBody == "path1")path was path one#elseif($inputBody == "path2")path was path two#{else}this is the else clause#end`,
      'Response',
    );
    const answer = (message: string) => {
      const testPath = Buffer.from(JSON.stringify({ message })).toString('base64');
      const first = request.render(mappingInput({ path: { testPath } }));
      return response.render(mappingInput({ overrides: first.overrides })).output.trim();
    };
    expect(answer('path1')).toBe('path was path one');
    expect(answer('path2')).toBe('path was path two');
    expect(answer('whatever')).toBe('this is the else clause');
  });

  it('assigns map entries with [$k]=, .put(k, v) and $context["requestOverride"].querystring["k"]=', () => {
    const request = renderTemplate(`
    #set($paramName = "foo")
    #set($context.requestOverride.querystring[$paramName] = "bar")
    #set($paramPutName = "putfoo")
    $context.requestOverride.querystring.put($paramPutName, "putBar")
    #set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")
    {"statusCode": 200}`);
    expect(request.overrides.requestOverride.querystring).toEqual({
      foo: 'bar',
      putfoo: 'putBar',
      nestedfoo: 'nestedFoo',
    });
    const response = renderTemplate(
      `#set($value = $context.requestOverride.querystring["foo"])
    #set($value2 = $context.requestOverride.querystring["putfoo"])
    #set($value3 = $context.requestOverride.querystring["nestedfoo"])
    {"value": "$value", "value2": "$value2", "value3": "$value3"}`,
      { overrides: request.overrides },
    );
    expect(JSON.parse(response.output)).toEqual({ value: 'bar', value2: 'putBar', value3: 'nestedFoo' });
  });

  it('fails the template when it overrides the same parameter twice (API Gateway answers 5XX)', () => {
    const twice =
      '#set($context.responseOverride.header.foo = "a")#set($context.responseOverride.header.foo = "b")';
    expect(() => render(twice)).toThrow(MappingTemplateRenderError);
    expect(() => render(twice)).toThrow(/\$context\.responseOverride\.header\.foo is overridden twice/);
    expect(() =>
      render('#set($context.responseOverride.status = 400)$context.responseOverride.put("status", 401)'),
    ).toThrow(/responseOverride\.status is overridden twice/);
  });

  it('ignores a status override outside the integers 100 to 599', () => {
    for (const status of ['99', '600', '"404"', '204.5']) {
      const { overrides } = renderTemplate(`#set($context.responseOverride.status = ${status})`);
      expect(overrides.responseOverride.status).toBeUndefined();
    }
    expect(
      renderTemplate('#set($context.responseOverride.status = 599)').overrides.responseOverride.status,
    ).toBe(599);
  });
});
