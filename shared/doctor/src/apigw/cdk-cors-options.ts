/**
 * The `CorsOptions` (aws-cdk-lib's `defaultCorsPreflightOptions` / `addCorsPreflight`) that made a REST
 * API's OPTIONS method, read back from the MOCK integration response CDK generates, and the options that
 * would let a call through.
 *
 * @module
 */
import type { RestMethodModel } from './api-model.js';
import { list, quote } from './fix-context.js';

/** `Cors.DEFAULT_HEADERS`. */
const DEFAULT_HEADERS = [
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
  'X-Amz-User-Agent',
];

/** `Cors.ALL_METHODS`. */
const ALL_METHODS = ['OPTIONS', 'GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD'];

/** The parts of `CorsOptions` the doctor reads and writes. */
export interface RestCorsOptions {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly allowCredentials: boolean;
  readonly exposeHeaders: readonly string[];
  /** `maxAge` in seconds; `-1` for `disableCache`. */
  readonly maxAge?: number;
  readonly statusCode: number;
}

/** The options CDK uses when none are given: every method, its default headers. */
export function defaultCorsOptions(origin: string): RestCorsOptions {
  return {
    allowOrigins: [origin],
    allowMethods: ALL_METHODS,
    allowHeaders: DEFAULT_HEADERS,
    allowCredentials: false,
    exposeHeaders: [],
    statusCode: 204,
  };
}

/**
 * The options of a CDK-made OPTIONS method: its integration response's literal headers, and the further
 * origins its response template echoes.
 * @returns the options, or `undefined` when the method does not look like CDK's preflight
 */
export function corsOptionsOf(method: RestMethodModel): RestCorsOptions | undefined {
  const response = method.integrationResponses[0];
  if (method.httpMethod !== 'OPTIONS' || method.integrationType !== 'MOCK' || response === undefined)
    return undefined;
  const literal = (name: string) => {
    const expression = response.headers.get(name)?.expression;
    return expression?.startsWith("'") && expression.endsWith("'") ? expression.slice(1, -1) : undefined;
  };
  const first = literal('access-control-allow-origin');
  if (first === undefined) return undefined;
  const others = response.templates.flatMap((template) => [
    ...[...template.matchAll(/\$origin == "([^"]+)"/g)].map((match) => match[1]!),
    ...[...template.matchAll(/\$origin\.matches\("([^"]+)"\)/g)].flatMap((match) =>
      match[1]!.split('|').map((origin) => origin.replaceAll('\\.', '.')),
    ),
  ]);
  const split = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const maxAge = literal('access-control-max-age');
  return {
    allowOrigins: [...new Set([first, ...others])],
    allowMethods: split(literal('access-control-allow-methods')),
    allowHeaders: split(literal('access-control-allow-headers')),
    allowCredentials: literal('access-control-allow-credentials') === 'true',
    exposeHeaders: split(literal('access-control-expose-headers')),
    ...(maxAge === undefined ? {} : { maxAge: Number(maxAge) }),
    statusCode: Number(response.statusCode),
  };
}

/** What the browser needs a preflight to allow. */
export interface PreflightNeeds {
  readonly origin: string;
  readonly method?: string;
  readonly headers: readonly string[];
  readonly credentials: boolean;
}

/**
 * The options that let the call through, keeping everything the current ones allow.
 * @returns the options, and the changes in words
 */
export function widenCorsOptions(
  current: RestCorsOptions,
  needs: PreflightNeeds,
): { options: RestCorsOptions; changes: string[] } {
  const changes: string[] = [];
  let origins = current.allowOrigins;
  if (needs.credentials && origins.includes('*')) {
    origins = [needs.origin];
    changes.push(`list the origin instead of '*' (a credentialed call cannot use '*')`);
  } else if (!origins.includes('*') && !origins.includes(needs.origin)) {
    origins = [...origins, needs.origin];
    changes.push(`add ${needs.origin} to allowOrigins`);
  }
  let methods = current.allowMethods;
  if (
    needs.method !== undefined &&
    !methods.includes(needs.method) &&
    !(methods.includes('*') && !needs.credentials)
  ) {
    methods = [...methods, needs.method];
    changes.push(`add ${needs.method} to allowMethods (methods are compared case-sensitively)`);
  }
  const lower = current.allowHeaders.map((name) => name.toLowerCase());
  const missing = needs.headers.filter(
    (name) => !lower.includes(name) && !(lower.includes('*') && !needs.credentials),
  );
  if (missing.length > 0) changes.push(`add ${missing.join(', ')} to allowHeaders`);
  if (needs.credentials && !current.allowCredentials) changes.push('set allowCredentials: true');
  return {
    options: {
      ...current,
      allowOrigins: origins,
      allowMethods: methods,
      allowHeaders: [...current.allowHeaders, ...missing],
      allowCredentials: current.allowCredentials || needs.credentials,
    },
    changes,
  };
}

/** The options as the TypeScript of a `CorsOptions` literal's properties, one per line. */
export function renderCorsOptions(options: RestCorsOptions, indent: string): string {
  const lines = [
    `allowOrigins: ${sameList(options.allowOrigins, ['*']) ? 'Cors.ALL_ORIGINS' : list(options.allowOrigins)},`,
  ];
  if (!sameList(options.allowMethods, ALL_METHODS))
    lines.push(`allowMethods: ${list(options.allowMethods)},`);
  if (!sameList(options.allowHeaders, DEFAULT_HEADERS)) {
    const extra = options.allowHeaders.slice(DEFAULT_HEADERS.length);
    lines.push(
      `allowHeaders: ${sameList(options.allowHeaders.slice(0, DEFAULT_HEADERS.length), DEFAULT_HEADERS) ? `[...Cors.DEFAULT_HEADERS, ${extra.map(quote).join(', ')}]` : list(options.allowHeaders)},`,
    );
  }
  if (options.allowCredentials) lines.push('allowCredentials: true,');
  if (options.exposeHeaders.length > 0) lines.push(`exposeHeaders: ${list(options.exposeHeaders)},`);
  if (options.maxAge === -1) lines.push('disableCache: true,');
  else if (options.maxAge !== undefined) lines.push(`maxAge: Duration.seconds(${options.maxAge}),`);
  if (options.statusCode !== 204) lines.push(`statusCode: ${options.statusCode},`);
  return lines.map((line) => indent + line).join('\n');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
