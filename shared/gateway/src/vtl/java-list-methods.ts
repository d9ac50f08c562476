import { elementsEqual, intArgument, type JavaMethod } from './java-method-arguments.js';
import { JavaMethodError } from './java-method-error.js';
import { markVelocityList, toJavaString } from './java-values.js';

/** `List.get(i)`: out of range throws, as Java's `IndexOutOfBoundsException`. */
function listIndex(
  list: readonly unknown[],
  args: readonly unknown[],
  size = list.length,
): number | undefined {
  const index = intArgument(args, 0);
  if (index === undefined) return undefined;
  if (index < 0 || index >= size)
    throw new JavaMethodError(`index ${index} is out of range for a list of ${list.length}`);
  return index;
}

/**
 * The methods of `java.util.List` that templates call, by name; lists are JavaScript arrays.
 * @see https://docs.oracle.com/javase/8/docs/api/java/util/List.html
 */
export const LIST_METHODS: ReadonlyMap<string, JavaMethod<unknown[]>> = new Map<
  string,
  JavaMethod<unknown[]>
>([
  ['size', (l, a) => (a.length === 0 ? l.length : undefined)],
  ['isEmpty', (l, a) => (a.length === 0 ? l.length === 0 : undefined)],
  ['toString', (l, a) => (a.length === 0 ? toJavaString(l) : undefined)],
  [
    'get',
    (l, a) => {
      const index = a.length === 1 ? listIndex(l, a) : undefined;
      return index === undefined ? undefined : l[index];
    },
  ],
  ['contains', (l, a) => (a.length === 1 ? l.some((item) => elementsEqual(item, a[0])) : undefined)],
  ['indexOf', (l, a) => (a.length === 1 ? l.findIndex((item) => elementsEqual(item, a[0])) : undefined)],
  [
    'add',
    (l, a) => {
      if (a.length === 1) return l.push(a[0]) > 0;
      const index = a.length === 2 ? listIndex(l, a, l.length + 1) : undefined;
      if (index !== undefined) l.splice(index, 0, a[1]);
      return undefined;
    },
  ],
  [
    'set',
    (l, a) => {
      const index = a.length === 2 ? listIndex(l, a) : undefined;
      if (index === undefined) return undefined;
      const previous = l[index];
      l[index] = a[1];
      return previous;
    },
  ],
  [
    'remove',
    (l, a) => {
      if (a.length !== 1) return undefined;
      if (typeof a[0] === 'number') {
        const index = listIndex(l, a);
        return index === undefined ? undefined : l.splice(index, 1)[0];
      }
      const at = l.findIndex((item) => elementsEqual(item, a[0]));
      if (at >= 0) l.splice(at, 1);
      return at >= 0;
    },
  ],
  [
    'subList',
    (l, a) => {
      const from = intArgument(a, 0);
      const to = intArgument(a, 1);
      if (a.length !== 2 || from === undefined || to === undefined) return undefined;
      if (from < 0 || to > l.length || from > to) {
        throw new JavaMethodError(`subList(${from}, ${to}) is out of range for a list of ${l.length}`);
      }
      return markVelocityList(l.slice(from, to));
    },
  ],
  [
    'addAll',
    (l, a) => {
      if (a.length !== 1 || !Array.isArray(a[0])) return undefined;
      l.push(...a[0]);
      return a[0].length > 0;
    },
  ],
  [
    'clear',
    (l, a) => {
      if (a.length === 0) l.length = 0;
      return undefined;
    },
  ],
  [
    'equals',
    (l, a) => (a.length === 1 ? Array.isArray(a[0]) && toJavaString(l) === toJavaString(a[0]) : undefined),
  ],
]);
