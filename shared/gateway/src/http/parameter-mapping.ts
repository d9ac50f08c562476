import { JSONPath } from 'jsonpath-plus';
import type { GatewayRequest } from '../server/gateway-request.js';

/** One piece of a parameter mapping value: literal text, or an expression read from the request. */
export type MappingValuePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'body'; readonly jsonPath: string | undefined }
  | { readonly kind: 'header' | 'querystring'; readonly name: string }
  | { readonly kind: 'path'; readonly name: string | undefined }
  | { readonly kind: 'context'; readonly path: readonly string[] }
  | { readonly kind: 'stage-variable'; readonly name: string };

/**
 * A parameter mapping value of an HTTP API integration, parsed once: static text, one expression
 * (`$request.body.name`), or text with expressions in it.
 */
export interface MappingValue {
  /** The value as the template writes it. */
  readonly source: string;
  readonly parts: readonly MappingValuePart[];
}

/**
 * The expressions of a mapping value, tried in this order: a header, query or path parameter (names may
 * hold `-`), the body with an optional JSONPath (which may not: `$request.body.id-x` is the path `id`
 * followed by the text `-x`), the path, a context variable, a stage variable; then anything else that
 * starts like an expression, to be refused.
 */
const EXPRESSION =
  /\$request\.(?:header|querystring|path)\.[\w-]+|\$request\.body(?:\.[\w.[\]'"*?@()=<>!]+)?|\$request\.path|\$context\.[A-Za-z][\w.]*|\$stageVariables\.\w+|\$[A-Za-z][\w.[\]'"*?@()-]*/g;

/**
 * Parses a parameter mapping value: `$request.header.<name>`, `$request.querystring.<name>`,
 * `$request.path[.<name>]`, `$request.body[.<JSONPath without $.>]`, `$context.<name>`,
 * `$stageVariables.<name>`, static text, or text mixing them.
 * @returns the parsed value, or the first expression that is not a valid source (API Gateway refuses such
 * an integration: `Invalid source: … specified for destination: …`)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export function parseMappingValue(source: string): MappingValue | { readonly invalid: string } {
  const parts: MappingValuePart[] = [];
  let last = 0;
  for (const match of source.matchAll(EXPRESSION)) {
    const expression = match[0];
    const part = parseExpression(expression);
    if (!part) return { invalid: expression };
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index) });
    parts.push(part);
    last = match.index + expression.length;
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return { source, parts };
}

function parseExpression(expression: string): MappingValuePart | undefined {
  if (expression === '$request.body') return { kind: 'body', jsonPath: undefined };
  if (expression === '$request.path') return { kind: 'path', name: undefined };
  let match = /^\$request\.body\.(.+)$/.exec(expression);
  if (match) {
    // A JSONPath on the body, without recursive descent or filters: API Gateway supports neither.
    const jsonPath = match[1]!;
    return /\.\.|^\.|\?/.test(jsonPath) ? undefined : { kind: 'body', jsonPath };
  }
  match = /^\$request\.(header|querystring|path)\.([\w-]+)$/.exec(expression);
  if (match) return { kind: match[1] as 'header' | 'querystring' | 'path', name: match[2]! };
  match = /^\$context\.([A-Za-z][\w.]*)$/.exec(expression);
  if (match) return { kind: 'context', path: match[1]!.split('.') };
  match = /^\$stageVariables\.(\w+)$/.exec(expression);
  if (match) return { kind: 'stage-variable', name: match[1]! };
  return undefined;
}

/** What evaluating a mapping value reads of one request. */
export interface MappingRequest {
  readonly request: GatewayRequest;
  readonly pathParameters: Readonly<Record<string, string>> | null;
  /** The `$context` variables of the request. */
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>> | null;
}

/**
 * The value of a mapping for one request. Headers are matched without regard to case and several values
 * are joined with `,` (query parameters too); a body JSONPath gives a string as it is and anything else as
 * JSON; a body that is not JSON has no paths.
 * @returns `undefined` when the value is a single expression the request has nothing for (the parameter is
 * then left out); inside text, such an expression reads as empty
 */
export function evaluateMappingValue(value: MappingValue, input: MappingRequest): string | undefined {
  if (value.parts.length === 1) return evaluatePart(value.parts[0]!, input);
  let text = '';
  for (const part of value.parts) text += evaluatePart(part, input) ?? '';
  return text;
}

function evaluatePart(part: MappingValuePart, input: MappingRequest): string | undefined {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'body': {
      const text = input.request.body.toString('utf8');
      if (part.jsonPath === undefined) return text;
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        return undefined;
      }
      const [found] = JSONPath({
        path: `$.${part.jsonPath}`,
        json: document as object,
        wrap: true,
        eval: false,
      }) as unknown[];
      if (found === undefined || found === null) return undefined;
      return typeof found === 'string' ? found : JSON.stringify(found);
    }
    case 'header': {
      const lower = part.name.toLowerCase();
      const values: string[] = [];
      const raw = input.request.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2)
        if (raw[i]!.toLowerCase() === lower) values.push(raw[i + 1]!);
      return values.length === 0 ? undefined : values.join(',');
    }
    case 'querystring': {
      const values = new URLSearchParams(input.request.rawQuery).getAll(part.name);
      return values.length === 0 ? undefined : values.join(',');
    }
    case 'path':
      return part.name === undefined ? input.request.path : input.pathParameters?.[part.name];
    case 'context': {
      let value: unknown = input.context;
      for (const key of part.path) value = (value as Record<string, unknown> | undefined)?.[key];
      return value === undefined || value === null ? undefined : String(value);
    }
    case 'stage-variable':
      return input.stageVariables?.[part.name];
  }
}
