import type { GatewayRequest } from '../server/gateway-request.js';
import { mediaType } from '../server/gateway-request.js';
import {
  emptyOverrides,
  type MappingInput,
  type MappingOverrides,
  type MappingParams,
  type MappingTemplate,
} from '../vtl/index.js';
import { parseQuery } from './parse-query.js';
import type { KeyedTemplates, PassthroughBehavior } from './rest-api-model.js';

/** What a mapping template of a REST API sees of the request. */
export interface MappingRequest {
  readonly request: GatewayRequest;
  /** `$input.body`: the request body for request templates, the integration's body for response templates. */
  readonly body: string;
  readonly pathParameters: Readonly<Record<string, string>> | null;
  /** `$context` (built only when a template needs it). */
  readonly context: Record<string, unknown>;
  readonly stageVariables: Readonly<Record<string, string>> | null;
  /** The overrides set so far (by the request template, when rendering a response template). */
  readonly overrides?: MappingOverrides;
  /**
   * The request headers as the integration sees them (see `methodRequestHeaders`), for
   * `$input.params()`; without them, the client's headers as sent.
   */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
}

const literalTemplates = new WeakMap<MappingTemplate, boolean>();

/** Whether a template is plain text that renders as itself (no `$` reference, no `#` directive). */
export function isLiteralTemplate(template: MappingTemplate): boolean {
  let literal = literalTemplates.get(template);
  if (literal === undefined) {
    literal = !template.source.includes('$') && !template.source.includes('#');
    literalTemplates.set(template, literal);
  }
  return literal;
}

/** Renders `template` for one request; throws the engine's render error. */
export function renderMapping(
  template: MappingTemplate,
  input: MappingRequest,
): { output: string; overrides: MappingOverrides } {
  if (isLiteralTemplate(template))
    return { output: template.source, overrides: input.overrides ?? emptyOverrides() };
  const result = template.render(new RenderInput(input));
  return { output: result.output, overrides: result.overrides };
}

/** What the engine sees of a {@link MappingRequest}; `$context` is read from it only if a render needs it. */
class RenderInput implements MappingInput {
  readonly #request: MappingRequest;
  readonly body: string;
  readonly params: MappingParams;
  readonly stageVariables: Readonly<Record<string, string>> | null;
  readonly overrides: MappingOverrides;

  constructor(input: MappingRequest) {
    this.#request = input;
    const header: Record<string, string> = {};
    if (input.headers) for (const [name, value] of input.headers) header[name] = value;
    else {
      const raw = input.request.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) header[raw[i]!] = raw[i + 1]!;
    }
    this.body = input.body;
    this.params = {
      path: { ...input.pathParameters },
      querystring: parseQuery(input.request.rawQuery).single ?? {},
      header,
    };
    this.stageVariables = input.stageVariables;
    this.overrides = input.overrides ?? emptyOverrides();
  }

  get context(): Readonly<Record<string, unknown>> {
    return this.#request.context;
  }
}

/**
 * The response template for a request's `Accept`: the first listed media type that has a template, else
 * `application/json`, else the first template.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export function selectTemplate(
  templates: KeyedTemplates,
  accept: string | undefined,
): MappingTemplate | undefined {
  if (templates.byType.size === 0) return undefined;
  if (accept) {
    for (const part of accept.split(',')) {
      const found = templates.byType.get(mediaType(part)!);
      if (found) return found;
    }
  }
  return templates.byType.get('application/json') ?? templates.byType.values().next().value;
}

/** The outcome of choosing a request template. */
export type RequestTemplateChoice =
  | { readonly kind: 'template'; readonly template: MappingTemplate }
  | { readonly kind: 'passthrough' }
  | { readonly kind: 'unsupported-media-type' };

/**
 * Chooses the request template by the request's `Content-Type` (absent: `application/json`) and applies
 * `passthroughBehavior` when none matches: `WHEN_NO_MATCH` passes the body through, `WHEN_NO_TEMPLATES`
 * passes it only when there are no templates at all, `NEVER` refuses (415).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
 */
export function chooseRequestTemplate(
  templates: KeyedTemplates,
  contentType: string | undefined,
  behavior: PassthroughBehavior,
): RequestTemplateChoice {
  const template = templates.byType.get(mediaType(contentType) ?? 'application/json');
  if (template) return { kind: 'template', template };
  if (behavior === 'WHEN_NO_MATCH') return { kind: 'passthrough' };
  if (behavior === 'WHEN_NO_TEMPLATES' && templates.byType.size === 0) return { kind: 'passthrough' };
  return { kind: 'unsupported-media-type' };
}
