import { describe, expect, it } from 'vitest';
import { JavaMethodError } from '../../src/vtl/java-method-error.js';

describe('JavaMethodError', () => {
  it('is an Error named JavaMethodError that keeps the message it was given', () => {
    const error = new JavaMethodError('charAt(3, 4) is out of range for a string of length 3');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JavaMethodError');
    expect(error.message).toBe('charAt(3, 4) is out of range for a string of length 3');
    expect(String(error)).toBe('JavaMethodError: charAt(3, 4) is out of range for a string of length 3');
  });
});
