import { JSONPath } from 'jsonpath-plus';
import type { GatewayRequest } from '../server/gateway-request.js';
import { parseQuery } from './parse-query.js';

/** Where a mapped integration request parameter goes: `integration.request.{path|querystring|header}.<name>`. */
export interface RequestParameterTarget {
  readonly location: 'path' | 'querystring' | 'header';
  readonly name: string;
}

/**
 * Where an integration request parameter's value comes from, parsed once from an integration's
 * `RequestParameters` value.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export type RequestParameterSource =
  | { readonly kind: 'static'; readonly value: string }
  | {
      readonly kind: 'method-request';
      readonly location: 'path' | 'querystring' | 'header' | 'multivaluequerystring' | 'multivalueheader';
      readonly name: string;
    }
  | { readonly kind: 'method-body'; readonly jsonPath: string | undefined }
  | { readonly kind: 'context'; readonly path: readonly string[] }
  | { readonly kind: 'stage-variable'; readonly name: string };

/**
 * Parses a `RequestParameters` key of an integration, `integration.request.{path|querystring|header}.<name>`.
 * @returns `undefined` for any other key (AWS refuses it at deploy time)
 */
export function parseRequestParameterTarget(key: string): RequestParameterTarget | undefined {
  const match = /^integration\.request\.(path|querystring|header)\.([^\s.]+)$/.exec(key);
  return match ? { location: match[1] as RequestParameterTarget['location'], name: match[2]! } : undefined;
}

/**
 * Parses a `RequestParameters` value of an integration: `'static'`,
 * `method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.<name>`,
 * `method.request.body[.<JSONPath without $.>]`, `context.<name>` or `stageVariables.<name>`.
 * @returns `undefined` when the value is not a valid expression (AWS refuses it at deploy time)
 */
export function parseRequestParameterSource(value: unknown): RequestParameterSource | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return { kind: 'static', value: value.slice(1, -1) };
  }
  let match =
    /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.([^\s.]+)$/.exec(
      value,
    );
  if (match) {
    return {
      kind: 'method-request',
      location: match[1] as 'path' | 'querystring' | 'header',
      name: match[2]!,
    };
  }
  match = /^method\.request\.body(?:\.(\S+))?$/.exec(value);
  if (match) return { kind: 'method-body', jsonPath: match[1] };
  match = /^context\.([A-Za-z][\w.]*)$/.exec(value);
  if (match) return { kind: 'context', path: match[1]!.split('.') };
  match = /^stageVariables\.([A-Za-z0-9_]+)$/.exec(value);
  if (match) return { kind: 'stage-variable', name: match[1]! };
  return undefined;
}

/** What resolving a request parameter reads of one request. */
export interface RequestParameterInput {
  readonly request: GatewayRequest;
  readonly pathParameters: Readonly<Record<string, string>> | null;
  /** `$context` of the request (read only for `context.X`, so it can be built lazily). */
  readonly context: Record<string, unknown>;
  readonly stageVariables: Readonly<Record<string, string>> | null;
  /**
   * The request headers as the integration sees them (see `methodRequestHeaders`); without them, the
   * client's headers as sent.
   */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
}

/**
 * The value of an integration request parameter for one request, or `undefined` when its source has none
 * (the parameter is then not sent). Header names are matched without regard to case; multi-value sources
 * join their values with `,`; a body JSONPath gives a string as it is and anything else as JSON.
 */
export function resolveRequestParameter(
  source: RequestParameterSource,
  input: RequestParameterInput,
): string | undefined {
  switch (source.kind) {
    case 'static':
      return source.value;
    case 'stage-variable':
      return input.stageVariables?.[source.name];
    case 'context': {
      let value: unknown = input.context;
      for (const key of source.path) value = (value as Record<string, unknown> | undefined)?.[key];
      return value === undefined || value === null ? undefined : String(value);
    }
    case 'method-body': {
      const body = input.request.body.toString('utf8');
      if (source.jsonPath === undefined) return body;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return undefined;
      }
      const [found] = JSONPath({
        path: `$.${source.jsonPath}`,
        json: parsed as object,
        wrap: true,
      }) as unknown[];
      if (found === undefined || found === null) return undefined;
      return typeof found === 'string' ? found : JSON.stringify(found);
    }
    case 'method-request':
      return methodRequestValue(source.location, source.name, input);
  }
}

function methodRequestValue(
  location: 'path' | 'querystring' | 'header' | 'multivaluequerystring' | 'multivalueheader',
  name: string,
  input: RequestParameterInput,
): string | undefined {
  switch (location) {
    case 'path':
      return input.pathParameters?.[name];
    case 'querystring':
      return parseQuery(input.request.rawQuery).single?.[name];
    case 'multivaluequerystring':
      return parseQuery(input.request.rawQuery).multi?.[name]?.join(',');
    case 'header':
    case 'multivalueheader': {
      const lower = name.toLowerCase();
      const values: string[] = [];
      if (input.headers) {
        for (const [header, value] of input.headers) if (header.toLowerCase() === lower) values.push(value);
      } else {
        const raw = input.request.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) {
          if (raw[i]!.toLowerCase() === lower) values.push(raw[i + 1]!);
        }
      }
      if (values.length === 0) return undefined;
      return location === 'header' ? values[0] : values.join(',');
    }
  }
}
