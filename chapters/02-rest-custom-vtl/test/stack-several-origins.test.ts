import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_ORIGINS } from '../lib/custom-cors-restapi-stack.js';
import { integrationOf, jsonTemplateOf, methodOn } from './stack-template.js';

describe('GET /greeting: several origins, echoed by the response template', () => {
  const [greetingId, greeting] = methodOn('greeting', 'GET');
  const [response] = integrationOf(greetingId).IntegrationResponses as Array<Record<string, unknown>>;
  const responseTemplate = jsonTemplateOf(response);
  const [greetingPreflightId] = methodOn('greeting', 'OPTIONS');
  const [preflight] = integrationOf(greetingPreflightId).IntegrationResponses as Array<
    Record<string, unknown>
  >;

  it('has a preflight of its own that maps the first origin and echoes the others', () => {
    expect(preflight?.ResponseParameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Origin': `'${DEFAULT_ALLOWED_ORIGINS[0]}'`,
      'method.response.header.Vary': "'Origin'",
    });
    expect(jsonTemplateOf(preflight)).toContain(`#if($origin == "${DEFAULT_ALLOWED_ORIGINS[1]}")`);
  });

  it('maps Vary: Origin statically and sets Access-Control-Allow-Origin only through an override', () => {
    expect(response?.ResponseParameters).toEqual({ 'method.response.header.Vary': "'Origin'" });
    expect(responseTemplate).toContain(
      '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    );
  });

  it('tests every allowed origin, the first one included', () => {
    expect(responseTemplate).toContain(
      `#if($origin == "${DEFAULT_ALLOWED_ORIGINS[0]}" || $origin == "${DEFAULT_ALLOWED_ORIGINS[1]}")`,
    );
  });

  it('declares both headers on its method response', () => {
    expect(greeting.Properties?.MethodResponses).toEqual([
      {
        StatusCode: '200',
        ResponseParameters: {
          'method.response.header.Access-Control-Allow-Origin': true,
          'method.response.header.Vary': true,
        },
      },
    ]);
  });
});
