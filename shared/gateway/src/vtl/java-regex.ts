import { JavaRegexError } from './java-regex-error.js';
import { translateJavaRegex } from './java-regex-translation.js';
import { markVelocityList } from './java-values.js';

/**
 * `String.matches`, `replaceAll`, `replaceFirst` and `split` with Java regular expressions, translated to
 * JavaScript `RegExp`s by `translateJavaRegex` and kept translated for the next call.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/String.html
 */

interface CompiledJavaRegex {
  readonly regex: RegExp;
  readonly groupCount: number;
}

type RegexUse = 'matches' | 'first' | 'global';

/** Translated patterns, keyed by use and pattern. Cleared when full: patterns can come from request data. */
const compiled = new Map<string, CompiledJavaRegex>();
const CACHE_LIMIT = 512;

/** `String.matches(regex)`: true when the regex matches the **whole** string. */
export function javaMatches(input: string, pattern: string): boolean {
  return compile(pattern, 'matches').regex.test(input);
}

/** `String.replaceAll(regex, replacement)`, with Java's `$1`, `${name}` and `\$` in the replacement. */
export function javaReplaceAll(input: string, pattern: string, replacement: string): string {
  return replace(input, compile(pattern, 'global'), replacement, false);
}

/** `String.replaceFirst(regex, replacement)`. */
export function javaReplaceFirst(input: string, pattern: string, replacement: string): string {
  return replace(input, compile(pattern, 'first'), replacement, true);
}

/**
 * `String.split(regex, limit)`: without a positive limit, trailing empty strings are dropped; a zero-width
 * match at the start yields no leading empty string.
 */
export function javaSplit(input: string, pattern: string, limit = 0): string[] {
  const { regex } = compile(pattern, 'global');
  const parts: string[] = [];
  let index = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(input); match !== null; match = regex.exec(input)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start === end) regex.lastIndex++;
    if (limit <= 0 || parts.length < limit - 1) {
      if (index === 0 && start === 0 && start === end) continue;
      parts.push(input.slice(index, start));
      index = end;
    } else {
      break;
    }
  }
  if (index === 0) return markVelocityList([input]);
  parts.push(input.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return markVelocityList(parts);
}

function replace(
  input: string,
  compiledRegex: CompiledJavaRegex,
  replacement: string,
  once: boolean,
): string {
  const { regex, groupCount } = compiledRegex;
  const template = parseReplacement(replacement, groupCount);
  let output = '';
  let last = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(input); match !== null; match = regex.exec(input)) {
    output += input.slice(last, match.index);
    for (const part of template) {
      if (typeof part === 'string') output += part;
      else output += (typeof part === 'number' ? match[part] : match.groups?.[part.name]) ?? '';
    }
    last = match.index + match[0].length;
    if (once) break;
    if (match[0].length === 0) regex.lastIndex++;
  }
  return output + input.slice(last);
}

/** A Java replacement string as literal text, group numbers and group names. */
function parseReplacement(
  replacement: string,
  groupCount: number,
): Array<string | number | { name: string }> {
  const parts: Array<string | number | { name: string }> = [];
  let text = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    if (c === '\\') {
      i++;
      if (i >= replacement.length)
        throw new JavaRegexError(`character to be escaped is missing in "${replacement}"`);
      text += replacement[i];
    } else if (c === '$') {
      if (text) parts.push(text);
      text = '';
      i++;
      if (replacement[i] === '{') {
        const close = replacement.indexOf('}', i);
        if (close < 0)
          throw new JavaRegexError(`named capturing group is missing trailing '}' in "${replacement}"`);
        parts.push({ name: replacement.slice(i + 1, close) });
        i = close;
        continue;
      }
      const digit = replacement.charCodeAt(i) - 48;
      if (!(digit >= 0 && digit <= 9))
        throw new JavaRegexError(`illegal group reference in "${replacement}"`);
      let group = digit;
      while (i + 1 < replacement.length) {
        const next = replacement.charCodeAt(i + 1) - 48;
        if (!(next >= 0 && next <= 9) || group * 10 + next > groupCount) break;
        group = group * 10 + next;
        i++;
      }
      if (group > groupCount) throw new JavaRegexError(`no group ${group} in "${replacement}"`);
      parts.push(group);
    } else {
      text += c;
    }
  }
  if (text) parts.push(text);
  return parts;
}

function compile(pattern: string, use: RegexUse): CompiledJavaRegex {
  const key = `${use}\u0000${pattern}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const { source, flags } = translateJavaRegex(pattern);
  let regex: RegExp;
  try {
    const body = use === 'matches' ? `(?<![\\s\\S])(?:${source})(?![\\s\\S])` : source;
    regex = new RegExp(body, use === 'global' ? `${flags}g` : flags);
  } catch (error) {
    throw new JavaRegexError(`invalid regular expression "${pattern}": ${(error as Error).message}`);
  }
  const groupCount = (new RegExp(`${source}|`, flags).exec('')?.length ?? 1) - 1;
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  const result = { regex, groupCount };
  compiled.set(key, result);
  return result;
}
