/**
 * Where a method response header's value comes from, parsed once from an integration response's
 * `ResponseParameters` value.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export type ResponseParameterSource =
  | { readonly kind: 'static'; readonly value: string }
  | { readonly kind: 'integration-header'; readonly name: string; readonly multi: boolean }
  | { readonly kind: 'integration-body'; readonly jsonPath: string | undefined }
  | { readonly kind: 'context'; readonly path: readonly string[] }
  | { readonly kind: 'stage-variable'; readonly name: string };

/**
 * Parses a response mapping expression: `'static'`, `integration.response.header.X`,
 * `integration.response.multivalueheader.X`, `integration.response.body[.path]`, `context.X` or
 * `stageVariables.X`.
 * @returns `undefined` when the value is not a valid expression (AWS refuses it at deploy time)
 */
export function parseResponseParameter(value: unknown): ResponseParameterSource | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return { kind: 'static', value: value.slice(1, -1) };
  }
  let match = /^integration\.response\.(header|multivalueheader)\.([^\s.]+)$/.exec(value);
  if (match) return { kind: 'integration-header', name: match[2]!, multi: match[1] === 'multivalueheader' };
  match = /^integration\.response\.body(?:\.(\S+))?$/.exec(value);
  if (match) return { kind: 'integration-body', jsonPath: match[1] };
  match = /^context\.([A-Za-z][\w.]*)$/.exec(value);
  if (match) return { kind: 'context', path: match[1]!.split('.') };
  match = /^stageVariables\.([A-Za-z0-9_]+)$/.exec(value);
  if (match) return { kind: 'stage-variable', name: match[1]! };
  return undefined;
}

/**
 * The message API Gateway gives when a deployment holds an invalid mapping expression.
 * @param detail - e.g. `Invalid mapping expression parameter specified: method.response.header.X`
 */
export function invalidMappingMessage(detail: string): string {
  return `Invalid mapping expression specified: Validation Result: warnings : [], errors : [${detail}]`;
}
