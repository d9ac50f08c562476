import { ApiGatewayVelocity } from './api-gateway-velocity.js';
import { buildContextVariable } from './context-variable.js';
import { InputVariable, type MappingParams } from './input-variable.js';
import { closeOverrides, emptyOverrides, type MappingOverrides, openOverrides } from './mapping-overrides.js';
import type { MappingResult } from './mapping-result.js';
import { MappingTemplateRenderError } from './mapping-template-errors.js';
import { parameterReads } from './parameter-reads.js';
import { parseVelocity } from './parse-velocity.js';
import { RenderMemo } from './render-memo.js';
import { TemplateEvaluationError } from './template-evaluation-error.js';
import { utilVariable } from './util-variable.js';

/**
 * What one render of a mapping template sees of the request.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export interface MappingInput {
  /**
   * `$input.body`: the raw payload (the method request body for a request template, the integration's
   * response body for a response template). `''` when there is none; it then reads as `{}`.
   */
  readonly body: string;
  /** `$input.params()`. */
  readonly params: MappingParams;
  /**
   * `$context`: `requestId`, `stage`, `httpMethod`, `resourcePath`, `path`, `identity: {…}`, and, for
   * gateway responses, `error: {…}`. The recorded keys come first in `$context.keySet()`, in AWS's order;
   * `requestOverride` and `responseOverride` come from {@link MappingInput.overrides}, not from here.
   */
  readonly context: Readonly<Record<string, unknown>>;
  /** `$stageVariables`, or `null` when the stage has none. */
  readonly stageVariables: Readonly<Record<string, string>> | null;
  /**
   * The override state so far: the request template's result when rendering a response template.
   * @default emptyOverrides()
   */
  readonly overrides?: MappingOverrides;
}

/** A mapping template parsed once, rendered per request. */
export interface MappingTemplate {
  /** Where the template comes from, as given to {@link compileMappingTemplate}. */
  readonly origin: string;
  /** The template text. */
  readonly source: string;
  /**
   * Renders the template for one request.
   * @throws {@link MappingTemplateRenderError} when the template fails (API Gateway then answers 500)
   */
  render(input: MappingInput): MappingResult;
}

/**
 * Parses a mapping template (VTL) once, when the gateway loads the API, into a template rendered with API
 * Gateway's `$input`, `$util`, `$context` and `$stageVariables`. A template without `$` and `#` renders as
 * its own text without running the engine.
 *
 * @param source - the template text, e.g. an `IntegrationResponses[].ResponseTemplates` value
 * @param origin - where it comes from, named in every error, e.g.
 *   `ProxyCorsRestApiOPTIONSEF3C92C2 IntegrationResponses[0] ResponseTemplates["application/json"]`
 * @throws `MappingTemplateSyntaxError` naming `origin`, with the line, column and parser message
 * @example
 * ```ts
 * const template = compileMappingTemplate('{"id": "$input.params(\'id\')"}', 'ItemsGET RequestTemplates');
 * template.render({ body: '', params: { path: { id: '7' }, querystring: {}, header: {} },
 *   context: {}, stageVariables: null }).output; // '{"id": "7"}'
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html
 */
export function compileMappingTemplate(source: string, origin: string): MappingTemplate {
  if (!source.includes('$') && !source.includes('#')) return new LiteralTemplate(source, origin);
  return new VelocityTemplate(source, origin);
}

class LiteralTemplate implements MappingTemplate {
  constructor(
    readonly source: string,
    readonly origin: string,
  ) {}

  render(input: MappingInput): MappingResult {
    return { output: this.source, overrides: input.overrides ?? emptyOverrides() };
  }
}

class VelocityTemplate implements MappingTemplate {
  readonly #engine: ApiGatewayVelocity;
  /** Whether the text mentions `context` / `stageVariables`; if not, those variables are not built. */
  readonly #readsContext: boolean;
  readonly #readsStageVariables: boolean;
  /** Set when the template depends only on a few request parameters: its results by their values. */
  readonly #memo: RenderMemo | undefined;

  constructor(
    readonly source: string,
    readonly origin: string,
  ) {
    const tree = parseVelocity(source, origin);
    this.#engine = new ApiGatewayVelocity(tree, origin);
    this.#readsContext = source.includes('context');
    this.#readsStageVariables = source.includes('stageVariables');
    const reads = parameterReads(tree);
    this.#memo = reads && new RenderMemo(reads);
  }

  render(input: MappingInput): MappingResult {
    const overrides = input.overrides ?? emptyOverrides();
    // Only a render that starts from no override depends on nothing but the parameters it reads.
    if (!this.#memo || overrides !== emptyOverrides()) return this.#render(input, overrides);
    const key = this.#memo.key(input.params);
    return this.#memo.get(key) ?? this.#memo.remember(key, this.#render(input, overrides));
  }

  #render(input: MappingInput, overrides: MappingOverrides): MappingResult {
    const scope = Object.create(null) as Record<string, unknown>;
    scope.input = new InputVariable(input.body, input.params);
    scope.util = utilVariable;
    if (this.#readsContext) scope.context = buildContextVariable(input.context, openOverrides(overrides));
    if (this.#readsStageVariables)
      scope.stageVariables = input.stageVariables ? { ...input.stageVariables } : null;
    let output: string;
    try {
      output = this.#engine.renderScope(scope);
    } catch (error) {
      throw this.#renderError(error);
    }
    if (!this.#readsContext) return { output, overrides };
    const context = scope.context as Record<string, unknown>;
    return { output, overrides: closeOverrides(context.requestOverride, context.responseOverride) };
  }

  #renderError(error: unknown): MappingTemplateRenderError {
    const located = error instanceof TemplateEvaluationError ? error : undefined;
    const cause = located?.cause ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const pos = located?.pos;
    return new MappingTemplateRenderError(
      this.origin,
      reason,
      pos?.first_line,
      pos ? pos.first_column + 1 : undefined,
      located?.reference,
      { cause },
    );
  }
}
