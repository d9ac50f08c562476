import { intArgument, type JavaMethod, stringArgument } from './java-method-arguments.js';
import { JavaMethodError } from './java-method-error.js';
import { javaMatches, javaReplaceAll, javaReplaceFirst, javaSplit } from './java-regex.js';

function checkRange(length: number, begin: number, end: number, method: string): void {
  if (begin < 0 || end > length || begin > end) {
    throw new JavaMethodError(`${method}(${begin}, ${end}) is out of range for a string of length ${length}`);
  }
}

/** `String.trim()`: removes characters up to U+0020 (not Unicode spaces, unlike JavaScript's `trim`). */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

/**
 * The methods of `java.lang.String` that templates call, by name.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/String.html
 */
export const STRING_METHODS: ReadonlyMap<string, JavaMethod<string>> = new Map<string, JavaMethod<string>>([
  ['length', (s, a) => (a.length === 0 ? s.length : undefined)],
  ['isEmpty', (s, a) => (a.length === 0 ? s.length === 0 : undefined)],
  ['toString', (s, a) => (a.length === 0 ? s : undefined)],
  ['trim', (s, a) => (a.length === 0 ? javaTrim(s) : undefined)],
  ['toLowerCase', (s, a) => (a.length === 0 ? s.toLowerCase() : undefined)],
  ['toUpperCase', (s, a) => (a.length === 0 ? s.toUpperCase() : undefined)],
  ['equals', (s, a) => (a.length === 1 ? s === a[0] : undefined)],
  [
    'equalsIgnoreCase',
    (s, a) =>
      a.length === 1 ? typeof a[0] === 'string' && s.toLowerCase() === a[0].toLowerCase() : undefined,
  ],
  ['contains', (s, a) => (a.length === 1 ? s.includes(stringArgument(a, 0, 'contains')) : undefined)],
  [
    'startsWith',
    (s, a) => {
      if (a.length === 1) return s.startsWith(stringArgument(a, 0, 'startsWith'));
      const offset = intArgument(a, 1);
      return a.length === 2 && offset !== undefined
        ? s.startsWith(stringArgument(a, 0, 'startsWith'), offset)
        : undefined;
    },
  ],
  ['endsWith', (s, a) => (a.length === 1 ? s.endsWith(stringArgument(a, 0, 'endsWith')) : undefined)],
  [
    'indexOf',
    (s, a) => {
      if (a.length === 1) return s.indexOf(stringArgument(a, 0, 'indexOf'));
      const from = intArgument(a, 1);
      return a.length === 2 && from !== undefined
        ? s.indexOf(stringArgument(a, 0, 'indexOf'), Math.max(0, from))
        : undefined;
    },
  ],
  [
    'lastIndexOf',
    (s, a) => (a.length === 1 ? s.lastIndexOf(stringArgument(a, 0, 'lastIndexOf')) : undefined),
  ],
  [
    'substring',
    (s, a) => {
      const begin = intArgument(a, 0);
      const end = a.length === 2 ? intArgument(a, 1) : s.length;
      if (begin === undefined || end === undefined || a.length > 2) return undefined;
      checkRange(s.length, begin, end, 'substring');
      return s.slice(begin, end);
    },
  ],
  [
    'charAt',
    (s, a) => {
      const index = intArgument(a, 0);
      if (index === undefined || a.length !== 1) return undefined;
      checkRange(s.length, index, index + 1, 'charAt');
      return s[index];
    },
  ],
  ['concat', (s, a) => (a.length === 1 ? s + stringArgument(a, 0, 'concat') : undefined)],
  [
    'replace',
    (s, a) =>
      a.length === 2
        ? s.split(stringArgument(a, 0, 'replace')).join(stringArgument(a, 1, 'replace'))
        : undefined,
  ],
  ['matches', (s, a) => (a.length === 1 ? javaMatches(s, stringArgument(a, 0, 'matches')) : undefined)],
  [
    'replaceAll',
    (s, a) =>
      a.length === 2
        ? javaReplaceAll(s, stringArgument(a, 0, 'replaceAll'), stringArgument(a, 1, 'replaceAll'))
        : undefined,
  ],
  [
    'replaceFirst',
    (s, a) =>
      a.length === 2
        ? javaReplaceFirst(s, stringArgument(a, 0, 'replaceFirst'), stringArgument(a, 1, 'replaceFirst'))
        : undefined,
  ],
  [
    'split',
    (s, a) => {
      if (a.length === 1) return javaSplit(s, stringArgument(a, 0, 'split'));
      const limit = intArgument(a, 1);
      return a.length === 2 && limit !== undefined
        ? javaSplit(s, stringArgument(a, 0, 'split'), limit)
        : undefined;
    },
  ],
  [
    'compareTo',
    (s, a) => {
      if (a.length !== 1) return undefined;
      const other = stringArgument(a, 0, 'compareTo');
      for (let i = 0; i < Math.min(s.length, other.length); i++) {
        if (s.charCodeAt(i) !== other.charCodeAt(i)) return s.charCodeAt(i) - other.charCodeAt(i);
      }
      return s.length - other.length;
    },
  ],
]);
