import { describe, expect, it } from 'vitest';
import { JavaRegexError } from '../../src/vtl/java-regex-error.js';

describe('JavaRegexError', () => {
  it('is an Error named JavaRegexError that keeps the message it was given', () => {
    const error = new JavaRegexError('unsupported Java regex construct \\G in "\\Ga"');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JavaRegexError');
    expect(error.message).toBe('unsupported Java regex construct \\G in "\\Ga"');
    expect(String(error)).toBe('JavaRegexError: unsupported Java regex construct \\G in "\\Ga"');
  });
});
