// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` is Velocity and Java syntax in these strings
import { describe, expect, it } from 'vitest';
import { javaMatches, javaReplaceAll, javaReplaceFirst, javaSplit } from '../../src/vtl/java-regex.js';
import { JavaRegexError } from '../../src/vtl/java-regex-error.js';
import { translateJavaRegex } from '../../src/vtl/java-regex-translation.js';

describe('javaMatches', () => {
  it('requires the whole string to match, even through an alternation', () => {
    expect(javaMatches('abc', 'b')).toBe(false);
    expect(javaMatches('abc', 'a.c')).toBe(true);
    expect(javaMatches('ab', 'a|ab')).toBe(true);
  });

  it('does not let a multiline flag turn the anchors into line anchors', () => {
    expect(javaMatches('x\ny', '(?m)y')).toBe(false);
    expect(javaMatches('x\ny', '(?s)x.y')).toBe(true);
  });

  it('applies a leading (?i) flag', () => {
    expect(javaMatches('HTTPS://A.EXAMPLE', '(?i)https://a\\.example')).toBe(true);
  });

  it('quotes \\Q…\\E literally', () => {
    expect(javaMatches('a.b*', '\\Qa.b*\\E')).toBe(true);
    expect(javaMatches('axbb', '\\Qa.b*\\E')).toBe(false);
  });

  it('keeps \\s to ASCII whitespace as Java does', () => {
    expect(javaMatches(' \t', '\\s+')).toBe(true);
    expect(javaMatches('\u00a0', '\\s')).toBe(false);
  });

  it('gives \\h and \\v their Java meaning and refuses their negations inside a class', () => {
    expect(javaMatches(' \t', '\\h+')).toBe(true);
    expect(javaMatches('\r\n', '\\v+')).toBe(true);
    expect(javaMatches('x', '\\v')).toBe(false);
    expect(() => javaMatches('x', '[\\H]')).toThrow(/\\H in a character class/);
  });

  it('translates POSIX classes such as \\p{Alpha}', () => {
    expect(javaMatches('abcXYZ', '\\p{Alpha}+')).toBe(true);
    expect(javaMatches('ab1', '\\p{Alpha}+')).toBe(false);
    expect(javaMatches('1', '\\P{Alpha}')).toBe(true);
  });
});

describe('javaReplaceAll and javaReplaceFirst', () => {
  it('expands $n group references and keeps \\$ literal', () => {
    expect(javaReplaceAll('a-b c-d', '(\\w)-(\\w)', '$2-$1')).toBe('b-a d-c');
    expect(javaReplaceAll('5', '(\\d)', '\\$$1')).toBe('$5');
  });

  it('reads $12 as group 1 then "2" when there is no group 12', () => {
    expect(javaReplaceAll('ab', '(a)(b)', '$12')).toBe('a2');
  });

  it('expands ${name} named groups', () => {
    expect(javaReplaceAll('2026-11', '(?<y>\\d+)-(?<m>\\d+)', '${m}/${y}')).toBe('11/2026');
  });

  it('refuses a reference to a group the regex does not have', () => {
    expect(() => javaReplaceAll('a', '(a)', '$2')).toThrow(JavaRegexError);
    expect(() => javaReplaceAll('a', 'a', '$x')).toThrow(/illegal group reference/);
  });

  it('replaces zero-width matches between every character, as Java does', () => {
    expect(javaReplaceAll('abc', 'x*', '-')).toBe('-a-b-c-');
  });

  it('replaces only the first match in replaceFirst', () => {
    expect(javaReplaceFirst('a.a.a', '\\.', '/')).toBe('a/a.a');
  });

  it('unescapes the documented .replaceAll("\\\\\'", "\'") fix for escapeJavaScript\'s \\\'', () => {
    expect(javaReplaceAll("it\\'s", "\\\\'", "'")).toBe("it's");
  });
});

describe('javaSplit', () => {
  it('drops trailing empty strings without a limit', () => {
    expect(javaSplit('a,b,,', ',')).toEqual(['a', 'b']);
  });

  it('keeps a leading empty string but not for a zero-width match at the start', () => {
    expect(javaSplit(',a', ',')).toEqual(['', 'a']);
    expect(javaSplit('abc', '')).toEqual(['a', 'b', 'c']);
  });

  it('stops at the limit and keeps trailing empty strings with a negative limit', () => {
    expect(javaSplit('a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(javaSplit('a,,', ',', -1)).toEqual(['a', '', '']);
  });

  it('returns the whole string when nothing matches, and does not return capture groups', () => {
    expect(javaSplit('abc', ';')).toEqual(['abc']);
    expect(javaSplit('a1b2c', '(\\d)')).toEqual(['a', 'b', 'c']);
  });
});

describe('translateJavaRegex', () => {
  it('refuses what JavaScript cannot express, naming the construct', () => {
    expect(() => translateJavaRegex('a++')).toThrow(/possessive quantifier/);
    expect(() => translateJavaRegex('(?>a)')).toThrow(/atomic group/);
    expect(() => translateJavaRegex('a(?i)b')).toThrow(/inside the pattern/);
    expect(() => translateJavaRegex('[a-z&&[^b]]')).toThrow(/nested character class|intersection/);
    expect(() => translateJavaRegex('(?x)a b')).toThrow(/\(\?x\)/);
  });

  it('translates \\A, \\z and Java’s $ that also matches before a final line break', () => {
    expect(javaMatches('ab\n', 'ab$\n')).toBe(true);
    expect(javaReplaceAll('ab\n', 'b$', 'X')).toBe('aX\n');
    expect(javaReplaceAll('ab\n', 'b\\z', 'X')).toBe('ab\n');
    expect(javaReplaceAll('ab', '\\Aa', 'X')).toBe('Xb');
  });

  it('reports an invalid pattern with the pattern quoted', () => {
    expect(() => javaMatches('a', '(a')).toThrow(/invalid regular expression "\(a"/);
  });
});
