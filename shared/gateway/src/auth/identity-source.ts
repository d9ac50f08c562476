/** Where an authorizer's identity source reads its value. */
export type IdentityLocation = 'header' | 'querystring' | 'context' | 'stageVariables';

/** One identity source of an authorizer, e.g. the `Authorization` header. */
export interface IdentitySource {
  readonly location: IdentityLocation;
  /** The header, query string parameter, stage variable or (dotted) context variable name. */
  readonly name: string;
  /** The expression as written in the template, for messages. */
  readonly expression: string;
}

/** How a request's values are looked up, given by the REST or the HTTP API pipeline. */
export interface IdentityLookups {
  /** A header's value (names without regard to case), `undefined` when absent. */
  header(name: string): string | undefined;
  /** A query string parameter's value (names with regard to case). */
  querystring(name: string): string | undefined;
  /** A context variable, e.g. `identity.sourceIp` or `routeKey`. */
  context(name: string): string | undefined;
  /** A stage variable. */
  stageVariable(name: string): string | undefined;
}

const REST_FORMS: ReadonlyArray<readonly [string, IdentityLocation]> = [
  ['method.request.header.', 'header'],
  ['method.request.querystring.', 'querystring'],
  ['stageVariables.', 'stageVariables'],
  ['context.', 'context'],
];

const HTTP_FORMS: ReadonlyArray<readonly [string, IdentityLocation]> = [
  ['$request.header.', 'header'],
  ['$request.querystring.', 'querystring'],
  ['$stageVariables.', 'stageVariables'],
  ['$context.', 'context'],
];

/**
 * Parses one identity source of a REST API authorizer: `method.request.header.X`,
 * `method.request.querystring.X`, `stageVariables.X` or `context.X`.
 * @returns `undefined` when the expression is none of these
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html#apigw-Type-Authorizer-identitySource
 */
export function parseRestIdentitySource(expression: string): IdentitySource | undefined {
  return parse(expression, REST_FORMS);
}

/**
 * Parses one identity source of an HTTP API authorizer: `$request.header.X`, `$request.querystring.X`,
 * `$context.X` or `$stageVariables.X`.
 * @returns `undefined` when the expression is none of these
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html#http-api-lambda-authorizer.identity-sources
 */
export function parseHttpIdentitySource(expression: string): IdentitySource | undefined {
  return parse(expression, HTTP_FORMS);
}

function parse(
  expression: string,
  forms: ReadonlyArray<readonly [string, IdentityLocation]>,
): IdentitySource | undefined {
  const trimmed = expression.trim();
  for (const [prefix, location] of forms) {
    if (trimmed.startsWith(prefix) && trimmed.length > prefix.length) {
      return { location, name: trimmed.slice(prefix.length), expression: trimmed };
    }
  }
  return undefined;
}

/**
 * The values of `sources` for one request, in order — or `undefined` when one of them is missing or empty,
 * in which case API Gateway answers 401 without calling the authorizer.
 */
export function identityValues(
  sources: readonly IdentitySource[],
  lookups: IdentityLookups,
): string[] | undefined {
  const values: string[] = [];
  for (const source of sources) {
    const value = lookUp(source, lookups);
    if (value === undefined || value.trim() === '') return undefined;
    values.push(value);
  }
  return values;
}

function lookUp(source: IdentitySource, lookups: IdentityLookups): string | undefined {
  switch (source.location) {
    case 'header':
      return lookups.header(source.name);
    case 'querystring':
      return lookups.querystring(source.name);
    case 'context':
      return lookups.context(source.name);
    case 'stageVariables':
      return lookups.stageVariable(source.name);
  }
}
