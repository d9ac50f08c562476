import { describe, expect, it } from 'vitest';
import { GatewayConfigError } from '../../src/errors.js';
import { compileKeyedTemplates } from '../../src/rest/keyed-templates.js';

describe('compileKeyedTemplates', () => {
  it('compiles each template under its lower-cased content type, and skips what is not a string', () => {
    const { byType } = compileKeyedTemplates(
      { 'Application/JSON': '{"statusCode": 200}', 'text/plain': null },
      'Get Integration.RequestTemplates',
      'T.json',
    );
    expect([...byType.keys()]).toEqual(['application/json']);
  });

  it('refuses a template that does not compile, naming the resource its origin starts with', () => {
    const compile = () =>
      compileKeyedTemplates({ 'application/json': '#if(' }, 'Get Integration.RequestTemplates', 'T.json');
    expect(compile).toThrow(GatewayConfigError);
    expect(compile).toThrow(/Get Integration\.RequestTemplates\["application\/json"\]/);
  });
});
