/**
 * How template values print, the way API Gateway's Java Velocity prints them.
 *
 * The value model: `null`/`undefined` are Java `null`; strings, numbers and booleans are themselves; plain
 * objects are maps (`LinkedHashMap`); arrays are lists. Lists come in two kinds that print differently:
 * lists parsed from JSON (`$input.path`, `$util.parseJson`) print as compact JSON, lists a template builds
 * (`[1, 2]`, `keySet()`, `split()`) print as Java's `[a, b]`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */

/** Lists built by the template rather than parsed from JSON. */
const velocityLists = new WeakSet<readonly unknown[]>();

/** Marks `list` as built by the template, so it prints as Java's `[a, b]` instead of JSON. */
export function markVelocityList<T extends unknown[]>(list: T): T {
  velocityLists.add(list);
  return list;
}

/** Brands the objects of the template environment that are not plain data. */
export const JAVA_OBJECT = Symbol('java object');

/**
 * A Java object of the environment (`$input`, `$util`, a map entry) that answers its own methods and
 * properties. Method and property names follow Java Velocity: `$input.body` is `getBody()`.
 */
export interface JavaObject {
  readonly [JAVA_OBJECT]: true;
  /** The result of `name(...args)`, or `undefined` when the object has no such method. */
  javaMethod(name: string, args: readonly unknown[]): unknown;
  /** The result of `.name`, or `undefined`. */
  javaProperty(name: string): unknown;
  /** What the object prints as. */
  javaString(): string;
}

/** Tells a {@link JavaObject} from data. */
export function isJavaObject(value: object): value is JavaObject {
  return (value as Partial<JavaObject>)[JAVA_OBJECT] === true;
}

const PRINTS_EMPTY = Symbol('prints empty');

/**
 * The prototype of the maps nested in `$context` (`identity`, `requestOverride`, …). On AWS such a map
 * prints as an empty string, e.g. `$context.get("identity")` renders `""`, though its entries are readable.
 */
const CONTEXT_MAP_PROTOTYPE: object = Object.freeze(
  Object.create(null, { [PRINTS_EMPTY]: { value: true, enumerable: false } }),
);

/** A new, empty map of the kind nested in `$context`: it prints as `""`. */
export function createContextMap(): Record<string, unknown> {
  return Object.create(CONTEXT_MAP_PROTOTYPE) as Record<string, unknown>;
}

/** A map (not a list, not a {@link JavaObject}). */
export function isJavaMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isJavaObject(value);
}

/**
 * The text a value renders as in template output: `null` renders empty, a map as `{foo=bar, a=b}`, a JSON
 * list as `[{"foo":"bar"}]`, a map holding a list as `{foo=[{"nested":"bar"}]}`. `.toString()` gives the
 * same text.
 */
export function toJavaString(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? '' : objectString(value);
    default:
      return '';
  }
}

function objectString(value: object): string {
  if (Array.isArray(value)) return velocityLists.has(value) ? javaListString(value) : JSON.stringify(value);
  if (isJavaObject(value)) return value.javaString();
  if ((value as { [PRINTS_EMPTY]?: true })[PRINTS_EMPTY]) return '';
  let text = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    text += `${first ? '' : ', '}${key}=${elementString((value as Record<string, unknown>)[key])}`;
    first = false;
  }
  return `${text}}`;
}

function javaListString(list: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < list.length; i++) text += `${i === 0 ? '' : ', '}${elementString(list[i])}`;
  return `${text}]`;
}

/** Inside a map or list Java prints `null` as `null`. */
function elementString(value: unknown): string {
  return value === null || value === undefined ? 'null' : toJavaString(value);
}
