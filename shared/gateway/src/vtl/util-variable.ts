import { JavaMethodError } from './java-method-error.js';
import { JAVA_OBJECT, type JavaObject, toJavaString } from './java-values.js';
import { quote } from './mapping-template-errors.js';

/**
 * `$util`: exactly the six functions API Gateway documents. Any other `$util.x(…)` is not an error and
 * renders nothing. Each function gives `null` for a `null` argument (so `$util.urlEncode($input.body.foo)`
 * renders empty, as recorded on AWS) and converts other values to their string form first.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference
 */

/**
 * `escapeJavaScript`: JavaScript string escaping as Apache Commons Lang 2 does it: `"`, `\`, `/` and `'`
 * are backslash-escaped (`\'` is not valid JSON; AWS documents that), control characters become `\n`,
 * `\t`, … or `\u00XX`, and every non-ASCII character becomes `\uXXXX` (upper-case hex).
 */
export function escapeJavaScript(value: string): string {
  let escaped = '';
  let copied = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const plain =
      code >= 0x20 && code <= 0x7f && code !== 0x22 && code !== 0x27 && code !== 0x2f && code !== 0x5c;
    if (plain) continue;
    escaped += value.slice(copied, i) + escapeCharacter(value[i] as string);
    copied = i + 1;
  }
  return copied === 0 ? value : escaped + value.slice(copied);
}
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
};

function escapeCharacter(character: string): string {
  return (
    SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  );
}

/** `urlEncode`: `application/x-www-form-urlencoded`, as Java's `URLEncoder` (space → `+`). */
export function urlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** `urlDecode`: as Java's `URLDecoder` (`+` → space); a malformed `%` escape fails the template. */
export function urlDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new JavaMethodError(`$util.urlDecode() was given a malformed %-escape: "${value}"`);
  }
}

/** `parseJson`: the JSON text as a template object (maps with dot access, lists, …). */
export function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new JavaMethodError(
      `$util.parseJson() was given text that is not JSON (${(error as Error).message}): ${quote(value)}`,
    );
  }
}

const FUNCTIONS: ReadonlyMap<string, (value: string) => unknown> = new Map<
  string,
  (value: string) => unknown
>([
  ['escapeJavaScript', escapeJavaScript],
  ['parseJson', parseJson],
  ['urlEncode', urlEncode],
  ['urlDecode', urlDecode],
  ['base64Encode', (value) => Buffer.from(value, 'utf8').toString('base64')],
  ['base64Decode', (value) => Buffer.from(value, 'base64').toString('utf8')],
]);

/** The names of the `$util` functions. */
export const UTIL_FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()];

class UtilVariable implements JavaObject {
  readonly [JAVA_OBJECT] = true as const;

  javaMethod(name: string, args: readonly unknown[]): unknown {
    const fn = FUNCTIONS.get(name);
    if (!fn || args.length !== 1) return undefined;
    const value = args[0];
    return value === null || value === undefined ? undefined : fn(toJavaString(value));
  }

  javaProperty(): unknown {
    return undefined;
  }

  javaString(): string {
    return '';
  }
}

/** The `$util` object, shared by every render (it holds no state). */
export const utilVariable: JavaObject = Object.freeze(new UtilVariable());
