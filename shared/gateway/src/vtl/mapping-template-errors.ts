/**
 * A mapping template that is not valid Velocity: an unknown token, an unterminated string, an `#if` without
 * its `#end`, a stray `#end` or `#else`. Thrown by `compileMappingTemplate` when the gateway loads the
 * template, so a broken template is refused before anything is served.
 *
 * @example
 * ```ts
 * compileMappingTemplate('#if($a)x', 'MyMethod IntegrationResponses[0] ResponseTemplates["application/json"]');
 * // MappingTemplateSyntaxError: MyMethod IntegrationResponses[0] ResponseTemplates["application/json"]:
 * //   invalid mapping template at line 1, column 1: #if is never closed by #end
 * ```
 * @see https://velocity.apache.org/engine/1.7/vtl-reference.html
 */
export class MappingTemplateSyntaxError extends Error {
  override readonly name = 'MappingTemplateSyntaxError';

  /**
   * @param origin - where the template comes from, as the caller named it
   * @param reason - the parser's own words, quoting the offending text
   * @param line - 1-based line of the error, when the parser reports one
   * @param column - 1-based column of the error, when the parser reports one
   */
  constructor(
    readonly origin: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${origin}: invalid mapping template${describePosition(line, column)}: ${reason}`);
  }
}

/**
 * A mapping template that failed while rendering one request: `$input.json()` on a body that is not JSON,
 * a Java regular expression the engine cannot translate, a parameter overridden twice, a Java method that
 * throws (e.g. `substring` out of range). API Gateway answers such a request with a 500; the caller does
 * the same.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export class MappingTemplateRenderError extends Error {
  override readonly name = 'MappingTemplateRenderError';

  /**
   * @param origin - where the template comes from, as the caller named it
   * @param reason - what failed, quoting the bad value
   * @param line - 1-based line of the failing reference or directive, when known
   * @param column - 1-based column of the failing reference or directive, when known
   * @param reference - the failing reference as written in the template, e.g. `$input.json('$.a')`
   */
  constructor(
    readonly origin: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
    readonly reference?: string,
    options?: ErrorOptions,
  ) {
    super(
      `${origin}: mapping template failed${describePosition(line, column)}${reference ? ` in ${reference}` : ''}: ${reason}`,
      options,
    );
  }
}

function describePosition(line: number | undefined, column: number | undefined): string {
  if (line === undefined) return '';
  return column === undefined ? ` at line ${line}` : ` at line ${line}, column ${column}`;
}

/** Quotes at most 200 characters of `text` for an error message. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
