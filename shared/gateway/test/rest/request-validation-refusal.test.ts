import { describe, expect, it } from 'vitest';
import { requestValidationRefusal } from '../../src/rest/request-validation-refusal.js';

describe('requestValidationRefusal', () => {
  it('refuses request validators and models, naming the resource', () => {
    expect(requestValidationRefusal('V', { Type: 'AWS::ApiGateway::RequestValidator' })).toBe(
      'AWS::ApiGateway::RequestValidator V: request validation is not emulated yet by the local gateway',
    );
    expect(requestValidationRefusal('M', { Type: 'AWS::ApiGateway::Model' })).toContain(
      'AWS::ApiGateway::Model M',
    );
  });

  it('refuses a method with a validator or request models', () => {
    const method = (Properties: Record<string, unknown>) => ({ Type: 'AWS::ApiGateway::Method', Properties });
    expect(requestValidationRefusal('G', method({ RequestValidatorId: { Ref: 'V' } }))).toContain(
      'has a RequestValidatorId',
    );
    expect(
      requestValidationRefusal('G', method({ RequestModels: { 'application/json': 'Empty' } })),
    ).toContain('has RequestModels');
  });

  it('accepts a method without either, and one with empty request models', () => {
    expect(
      requestValidationRefusal('G', { Type: 'AWS::ApiGateway::Method', Properties: { RequestModels: {} } }),
    ).toBeUndefined();
    expect(requestValidationRefusal('R', { Type: 'AWS::ApiGateway::Resource' })).toBeUndefined();
  });
});
