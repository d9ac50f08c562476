import { describe, expect, it } from 'vitest';
import { NO_VALUE, UnresolvableValueError } from '../../src/assembly/unresolvable-value.js';

describe('UnresolvableValueError', () => {
  it('is an Error named UnresolvableValueError with the message it was given', () => {
    const error = new UnresolvableValueError('Fn::Cidr is not supported locally');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UnresolvableValueError');
    expect(error.message).toBe('Fn::Cidr is not supported locally');
    expect(error.node).toBeUndefined();
  });

  it('keeps the template’s own object that could not be resolved', () => {
    const node = { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] };
    expect(new UnresolvableValueError('no', node).node).toBe(node);
  });
});

describe('NO_VALUE', () => {
  it('is a symbol named after AWS::NoValue, equal only to itself', () => {
    expect(typeof NO_VALUE).toBe('symbol');
    expect(NO_VALUE.description).toBe('AWS::NoValue');
    expect(NO_VALUE).not.toBe(Symbol('AWS::NoValue'));
  });
});
