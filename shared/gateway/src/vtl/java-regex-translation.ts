/**
 * Java regular expressions (`java.util.regex`) as templates use them in `String.matches`, `replaceAll`,
 * `replaceFirst` and `split`, translated to JavaScript `RegExp`s.
 *
 * Translated: `\Q…\E` quoting, leading inline flags `(?i)`, `(?s)`, `(?m)`, the anchors `\A`, `\z`, `\Z`
 * and `$` (which in Java also matches before a final line break), Java's ASCII-only `\s`, `\h`, `\e`, `\a`,
 * `\v`, `\x{…}`, octal `\0…` and the POSIX classes `\p{Alpha}` etc. Refused with an error naming the construct:
 * possessive quantifiers, atomic groups, inline flags inside the pattern, nested classes and class
 * intersection, `(?x)`, `\G`, other `\p{…}` names.
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html
 * @module
 */

import { JavaRegexError } from './java-regex-error.js';

/** Java's `\s`: ASCII whitespace only (JavaScript's also matches Unicode spaces). */
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
/** Java's `\h`: horizontal whitespace. */
const JAVA_HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
/** Java's `\v`: vertical whitespace (JavaScript's `\v` is only U+000B). */
const JAVA_VERTICAL_SPACE = '\\n\\x0B\\f\\r\\u0085\\u2028\\u2029';
/** Java's non-multiline `$`: the end of input, or before a line break that ends the input. */
const JAVA_END_OF_INPUT_OR_LINE = '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';

const POSIX_CLASSES: ReadonlyMap<string, string> = new Map([
  ['Lower', 'a-z'],
  ['Upper', 'A-Z'],
  ['ASCII', '\\x00-\\x7F'],
  ['Alpha', 'a-zA-Z'],
  ['Digit', '0-9'],
  ['Alnum', 'a-zA-Z0-9'],
  ['Punct', '!-\\/:-@\\[-`{-~'],
  ['Graph', '!-~'],
  ['Print', ' -~'],
  ['Blank', ' \\t'],
  ['Cntrl', '\\x00-\\x1F\\x7F'],
  ['XDigit', '0-9a-fA-F'],
  ['Space', JAVA_SPACE],
]);

/** Java pattern syntax → JavaScript pattern syntax (see the module comment). */
export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  const unsupported = (what: string) =>
    new JavaRegexError(`unsupported Java regex construct ${what} in "${pattern}"`);
  let i = 0;
  let flags = '';
  for (
    let lead = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
    lead;
    lead = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i))
  ) {
    for (const flag of lead[1] ?? '') {
      if (flag === 'i' || flag === 's' || flag === 'm') {
        if (!flags.includes(flag)) flags += flag;
      } else if (flag !== 'u' && flag !== 'U' && flag !== 'd') {
        throw unsupported(`(?${flag})`);
      }
    }
    i += lead[0].length;
  }
  const multiline = flags.includes('m');
  let out = '';
  let inClass = false;
  let afterQuantifier = false;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    const wasQuantifier = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const [text, length] = translateEscape(pattern, i, inClass, unsupported);
      out += text;
      i += length;
    } else if (inClass) {
      if (c === '[') throw unsupported('[…[…]…] (nested character class)');
      if (c === '&' && pattern[i + 1] === '&') throw unsupported('&& (character class intersection)');
      if (c === ']') inClass = false;
      out += c;
      i++;
    } else if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
    } else if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('>')) throw unsupported('(?>…) (atomic group)');
      if (/^[a-zA-Z-]+[:)]/.test(rest)) throw unsupported('(?flags) inside the pattern');
      out += c;
      i++;
    } else if (c === '+' && wasQuantifier) {
      throw unsupported(`${pattern.slice(i - 1, i + 1)} (possessive quantifier)`);
    } else if (c === '*' || c === '+' || c === '?') {
      out += c;
      i++;
      afterQuantifier = true;
      if (pattern[i] === '?') {
        out += '?';
        i++;
        afterQuantifier = false;
      }
    } else if (c === '{') {
      const repeat = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i));
      out += repeat ? repeat[0] : '\\{';
      i += repeat ? repeat[0].length : 1;
      afterQuantifier = repeat !== null;
      if (repeat && pattern[i] === '?') {
        out += '?';
        i++;
        afterQuantifier = false;
      }
    } else if (c === '$' && !multiline) {
      out += JAVA_END_OF_INPUT_OR_LINE;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return { source: out, flags };
}

/** Translates the escape at `pattern[i]` (a backslash); returns the JavaScript text and the length read. */
function translateEscape(
  pattern: string,
  i: number,
  inClass: boolean,
  unsupported: (what: string) => JavaRegexError,
): [string, number] {
  const d = pattern[i + 1];
  if (d === undefined) throw new JavaRegexError(`unexpected trailing backslash in "${pattern}"`);
  switch (d) {
    case 'Q': {
      const end = pattern.indexOf('\\E', i + 2);
      const literal = end < 0 ? pattern.slice(i + 2) : pattern.slice(i + 2, end);
      return [literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), (end < 0 ? pattern.length : end + 2) - i];
    }
    case 'E':
      return ['', 2];
    case 'A':
      if (inClass) throw unsupported('\\A in a character class');
      return ['(?<![\\s\\S])', 2];
    case 'z':
      if (inClass) throw unsupported('\\z in a character class');
      return ['(?![\\s\\S])', 2];
    case 'Z':
      if (inClass) throw unsupported('\\Z in a character class');
      return [JAVA_END_OF_INPUT_OR_LINE, 2];
    case 'G':
      throw unsupported('\\G');
    case 'R':
      return ['(?:\\r\\n|[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029])', 2];
    case 's':
      return [inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, 2];
    case 'S':
      return [inClass ? '\\S' : `[^${JAVA_SPACE}]`, 2];
    case 'h':
      return [inClass ? JAVA_HORIZONTAL_SPACE : `[${JAVA_HORIZONTAL_SPACE}]`, 2];
    case 'H':
      if (inClass) throw unsupported('\\H in a character class');
      return [`[^${JAVA_HORIZONTAL_SPACE}]`, 2];
    case 'v':
      return [inClass ? JAVA_VERTICAL_SPACE : `[${JAVA_VERTICAL_SPACE}]`, 2];
    case 'V':
      if (inClass) throw unsupported('\\V in a character class');
      return [`[^${JAVA_VERTICAL_SPACE}]`, 2];
    case 'e':
      return ['\\x1B', 2];
    case 'a':
      return ['\\x07', 2];
    case 'p':
    case 'P': {
      const named = /^\{(?:Is)?([A-Za-z]+)\}/.exec(pattern.slice(i + 2));
      const chars = named ? POSIX_CLASSES.get(named[1] ?? '') : undefined;
      if (!named || chars === undefined) throw unsupported(`\\${d}${named ? named[0] : ''}`);
      if (d === 'P') {
        if (inClass) throw unsupported(`\\P${named[0]} in a character class`);
        return [`[^${chars}]`, 2 + named[0].length];
      }
      return [inClass ? chars : `[${chars}]`, 2 + named[0].length];
    }
    case 'x': {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i + 2));
      if (!braced) return ['\\x', 2];
      const code = Number.parseInt(braced[1] ?? '', 16);
      if (code > 0xffff) throw unsupported(`\\x${braced[0]} (beyond U+FFFF)`);
      return [`\\u${code.toString(16).padStart(4, '0')}`, 2 + braced[0].length];
    }
    case '0': {
      const octal = /^[0-7]{1,3}/.exec(pattern.slice(i + 2));
      if (!octal) throw new JavaRegexError(`illegal octal escape in "${pattern}"`);
      let digits = octal[0];
      if (digits.length === 3 && digits > '377') digits = digits.slice(0, 2);
      return [`\\x${Number.parseInt(digits, 8).toString(16).padStart(2, '0')}`, 2 + digits.length];
    }
    default:
      return [`\\${d}`, 2];
  }
}
