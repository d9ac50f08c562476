import { describe, expect, it } from 'vitest';
import { JavaRegexError } from '../../src/vtl/java-regex-error.js';
import { translateJavaRegex } from '../../src/vtl/java-regex-translation.js';

/** The JavaScript RegExp a Java pattern translates to. */
const regex = (pattern: string): RegExp => {
  const { source, flags } = translateJavaRegex(pattern);
  return new RegExp(source, flags);
};

describe('translateJavaRegex', () => {
  it('takes leading inline flags as RegExp flags, once each, and ignores u, U and d', () => {
    expect(translateJavaRegex('(?i)(?im)a')).toEqual({ source: 'a', flags: 'im' });
    expect(translateJavaRegex('(?sU)a.b').flags).toBe('s');
    expect(translateJavaRegex('(?d)a')).toEqual({ source: 'a', flags: '' });
    expect(() => translateJavaRegex('(?ix)a')).toThrow('unsupported Java regex construct (?x) in "(?ix)a"');
  });

  it('quotes \\Q…\\E and what follows an unterminated \\Q', () => {
    expect(regex('\\Q.*\\Ex').test('.*x')).toBe(true);
    expect(regex('^\\Q.*\\Ex').test('aax')).toBe(false);
    expect(regex('\\Q(a|b)').test('(a|b)')).toBe(true);
    expect(translateJavaRegex('a\\Eb').source).toBe('ab');
  });

  it('keeps \\s, \\S and the POSIX \\p{Space} to ASCII whitespace, inside a class too', () => {
    expect(regex('^\\s$').test('\u00a0')).toBe(false);
    expect(regex('^\\S$').test('\u00a0')).toBe(true);
    expect(regex('^[\\sx]+$').test(' x\t')).toBe(true);
    expect(regex('^\\p{Space}$').test('\u2003')).toBe(false);
  });

  it('translates POSIX classes, with or without Is, and refuses other \\p names', () => {
    expect(regex('^\\p{IsAlpha}+$').test('abc')).toBe(true);
    expect(regex('^[\\p{Digit}_]+$').test('1_2')).toBe(true);
    expect(regex('^\\p{XDigit}+$').test('c0ffee')).toBe(true);
    expect(regex('^\\p{Punct}$').test('-')).toBe(true);
    expect(() => translateJavaRegex('\\p{L}')).toThrow('unsupported Java regex construct \\p{L} in "\\p{L}"');
    expect(() => translateJavaRegex('[\\P{Alpha}]')).toThrow(/\\P\{Alpha\} in a character class/);
  });

  it('translates \\x{…}, octal \\0…, \\e and \\a into code points', () => {
    expect(translateJavaRegex('\\x{41}').source).toBe('\\u0041');
    expect(translateJavaRegex('\\0101').source).toBe('\\x41');
    expect(translateJavaRegex('\\0400').source).toBe('\\x200');
    expect(translateJavaRegex('\\e\\a').source).toBe('\\x1B\\x07');
    expect(() => translateJavaRegex('\\x{1F600}')).toThrow(/beyond U\+FFFF/);
    expect(() => translateJavaRegex('\\08')).toThrow('illegal octal escape in "\\08"');
  });

  it('matches \\R as any line break, \\r\\n as one', () => {
    expect(regex('^a\\Rb$').test('a\r\nb')).toBe(true);
    expect(regex('^a\\Rb$').test('a\u2028b')).toBe(true);
    expect(regex('^a\\Rb$').test('ab')).toBe(false);
  });

  it('keeps lazy quantifiers and counted repetitions, and escapes a brace that repeats nothing', () => {
    expect(translateJavaRegex('a*?b{2,3}?').source).toBe('a*?b{2,3}?');
    expect(translateJavaRegex('a{b}').source).toBe('a\\{b}');
    expect(() => translateJavaRegex('a{2}+')).toThrow('}+ (possessive quantifier)');
  });

  it('keeps a leading ] of a character class literal', () => {
    expect(regex('^[]a]+$').test(']a')).toBe(true);
    expect(regex('^[^]a]$').test('b')).toBe(true);
  });

  it('translates $ only without the multiline flag, and refuses anchors inside a class', () => {
    expect(translateJavaRegex('(?m)a$').source).toBe('a$');
    expect(regex('a$').test('a\n')).toBe(true);
    expect(regex('a$').test('a\nb')).toBe(false);
    expect(() => translateJavaRegex('[\\z]')).toThrow(
      'unsupported Java regex construct \\z in a character class in "[\\z]"',
    );
    expect(() => translateJavaRegex('\\Ga')).toThrow(JavaRegexError);
    expect(() => translateJavaRegex('a\\')).toThrow('unexpected trailing backslash in "a\\"');
  });
});
