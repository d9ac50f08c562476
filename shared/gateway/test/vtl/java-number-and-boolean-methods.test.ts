import { describe, expect, it } from 'vitest';
import { BOOLEAN_METHODS, NUMBER_METHODS } from '../../src/vtl/java-number-and-boolean-methods.js';

const number = (receiver: number, name: string, ...args: unknown[]): unknown =>
  NUMBER_METHODS.get(name)?.(receiver, args);
const boolean = (receiver: boolean, name: string, ...args: unknown[]): unknown =>
  BOOLEAN_METHODS.get(name)?.(receiver, args);

describe('NUMBER_METHODS', () => {
  it('truncates towards zero with intValue and longValue, and keeps the value with doubleValue', () => {
    expect(number(2.7, 'intValue')).toBe(2);
    expect(number(-2.7, 'intValue')).toBe(-2);
    expect(number(-2.7, 'longValue')).toBe(-2);
    expect(number(2.5, 'doubleValue')).toBe(2.5);
  });

  it('prints with toString and compares without conversion with equals', () => {
    expect(number(42, 'toString')).toBe('42');
    expect(number(1, 'equals', 1)).toBe(true);
    expect(number(1, 'equals', '1')).toBe(false);
    expect(number(1, 'toString', 16)).toBeUndefined();
  });
});

describe('BOOLEAN_METHODS', () => {
  it('answers toString, booleanValue and equals as java.lang.Boolean', () => {
    expect(boolean(true, 'toString')).toBe('true');
    expect(boolean(false, 'booleanValue')).toBe(false);
    expect(boolean(false, 'equals', false)).toBe(true);
    expect(boolean(true, 'equals', 'true')).toBe(false);
    expect(BOOLEAN_METHODS.has('intValue')).toBe(false);
  });
});
