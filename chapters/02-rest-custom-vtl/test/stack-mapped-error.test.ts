import { describe, expect, it } from 'vitest';
import { BAD_REQUEST_PATTERN } from '../lib/custom-cors-restapi-stack.js';
import { integrationOf, methodOn, synthesize } from './stack-template.js';

describe('GET /fails: a function error mapped to a 400', () => {
  const [failsId, fails] = methodOn('fails', 'GET');
  const [badRequest, ...others] = integrationOf(failsId).IntegrationResponses as Array<
    Record<string, unknown>
  >;

  it('selects the 400 with the Java pattern \\[BadRequest\\].*, its backslashes intact', () => {
    expect(others).toEqual([]);
    expect(badRequest?.StatusCode).toBe('400');
    expect(badRequest?.SelectionPattern).toBe(BAD_REQUEST_PATTERN);
    expect(BAD_REQUEST_PATTERN).toBe(String.raw`\[BadRequest\].*`);
  });

  it('writes the error message as the body', () => {
    expect(badRequest?.ResponseTemplates).toEqual({
      'application/json': `{"message":$input.json('$.errorMessage')}`,
    });
  });

  it('maps and declares Access-Control-Allow-Origin on the 400 too', () => {
    expect(badRequest?.ResponseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
    expect(fails.Properties?.MethodResponses).toEqual([
      {
        StatusCode: '400',
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      },
    ]);
  });

  it('maps and declares nothing with corsOnMappedErrors: false', () => {
    const without = synthesize({ corsOnMappedErrors: false });
    const [withoutId, withoutMethod] = methodOn('fails', 'GET', without);
    const [response] = integrationOf(withoutId, without).IntegrationResponses as Array<
      Record<string, unknown>
    >;

    expect(response?.ResponseParameters).toBeUndefined();
    expect(withoutMethod.Properties?.MethodResponses).toEqual([{ StatusCode: '400' }]);
  });
});
