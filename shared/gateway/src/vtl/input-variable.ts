import { JSONPath } from 'jsonpath-plus';
import { JavaMethodError } from './java-method-error.js';
import { JAVA_OBJECT, type JavaObject, toJavaString } from './java-values.js';
import { quote } from './mapping-template-errors.js';

/** The request parameters a template reads through `$input.params()`. */
export interface MappingParams {
  /** Path parameters, e.g. `{ id: '42' }` for `/items/{id}`. */
  readonly path: Readonly<Record<string, string>>;
  /** Query string parameters (one value each). */
  readonly querystring: Readonly<Record<string, string>>;
  /** Headers, names in the client's case: `$input.params().header.get("Origin")` is case-sensitive. */
  readonly header: Readonly<Record<string, string>>;
}

const NOT_PARSED = Symbol('not parsed');
const PARAMETER_KINDS = ['path', 'querystring', 'header'] as const;

/**
 * `$input`, for one render.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference
 */
export class InputVariable implements JavaObject {
  readonly [JAVA_OBJECT] = true as const;
  #document: unknown = NOT_PARSED;
  #paramsMap: Record<string, Record<string, string>> | undefined;

  /**
   * @param rawBody - the payload as received; `''` when there is none
   * @param params - the request parameters
   */
  constructor(
    private readonly rawBody: string,
    private readonly params: MappingParams,
  ) {}

  /** `$input.body`: the raw payload; an empty payload reads as `{}` (recorded on AWS). */
  get body(): string {
    return this.rawBody === '' ? '{}' : this.rawBody;
  }

  /**
   * `$input.json(path)`: the JSONPath result as JSON text; `""` (two quote characters) when nothing
   * matches.
   * @throws {@link JavaMethodError} when the body is not JSON
   */
  json(path: string): string {
    const found = this.#select(path);
    return found === undefined ? '""' : JSON.stringify(found);
  }

  /**
   * `$input.path(path)`: the JSONPath result as a template object (map, list, string, number…), `null`
   * when nothing matches.
   * @throws {@link JavaMethodError} when the body is not JSON
   */
  path(path: string): unknown {
    return this.#select(path);
  }

  /** `$input.params()`: `{path, querystring, header}`, copied once per render so templates may change it. */
  paramsMap(): Record<string, Record<string, string>> {
    this.#paramsMap ??= {
      path: { ...this.params.path },
      querystring: { ...this.params.querystring },
      header: { ...this.params.header },
    };
    return this.#paramsMap;
  }

  /** `$input.params(name)`: the path parameter, else query parameter, else header of that exact name, else `""`. */
  param(name: string): string {
    return paramValue(this.params, name);
  }

  javaMethod(name: string, args: readonly unknown[]): unknown {
    const arg = args[0];
    switch (name) {
      case 'json':
        return args.length === 1 && arg !== null && arg !== undefined
          ? this.json(toJavaString(arg))
          : undefined;
      case 'path':
        return args.length === 1 && arg !== null && arg !== undefined
          ? this.path(toJavaString(arg))
          : undefined;
      case 'params':
        if (args.length === 0) return this.paramsMap();
        return args.length === 1 && arg !== null && arg !== undefined
          ? this.param(toJavaString(arg))
          : undefined;
      case 'getBody':
        return args.length === 0 ? this.body : undefined;
      default:
        return undefined;
    }
  }

  javaProperty(name: string): unknown {
    return name === 'body' ? this.body : undefined;
  }

  javaString(): string {
    return '';
  }

  #select(path: string): unknown {
    if (this.#document === NOT_PARSED) {
      try {
        this.#document = JSON.parse(this.body);
      } catch (error) {
        throw new JavaMethodError(
          `the body is not valid JSON (${(error as Error).message}): ${quote(this.rawBody)}`,
        );
      }
    }
    // Called as a function, JSONPath returns a scalar by throwing it in an Error (a stack trace per call);
    // an instance's evaluate returns it.
    const json = this.#document as object;
    const query = JSONPath({ path, json, wrap: false, eval: 'safe', autostart: false });
    return query.evaluate(path, json, undefined, undefined);
  }
}

/** `$input.params(name)` of `params`: the path parameter, else query parameter, else header, else `""`. */
export function paramValue(params: MappingParams, name: string): string {
  for (const kind of PARAMETER_KINDS) {
    const values = params[kind];
    if (Object.hasOwn(values, name)) return values[name] as string;
  }
  return '';
}
