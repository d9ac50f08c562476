import { type GatewayResponse, headerValue, mediaType } from '../../server/gateway-request.js';
import type { MappingOverrides } from '../../vtl/index.js';
import { isBinaryRequest } from '../content-handling.js';
import { chooseRequestTemplate, renderMapping } from '../mapping.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from './request-state.js';

/** The integration request as the integration receives it: the mapped body and the template's overrides. */
export interface IntegrationRequest {
  readonly body: string;
  readonly overrides: MappingOverrides | undefined;
}

/**
 * The integration request stage of a non-proxy integration: picks the request template by `Content-Type`
 * under the integration's `passthroughBehavior` and renders it, or passes the body through. Answers
 * `UNSUPPORTED_MEDIA_TYPE` (415) when the behaviour forbids passing through, and
 * `API_CONFIGURATION_ERROR` (500) when the template cannot be rendered.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
 */
export function integrationRequest(
  state: RequestState,
  integration: RestIntegration,
): IntegrationRequest | GatewayResponse {
  const { request } = state;
  const choice = chooseRequestTemplate(
    integration.requestTemplates,
    headerValue(request.rawHeaders, 'content-type'),
    integration.passthroughBehavior,
  );
  if (choice.kind === 'unsupported-media-type') return state.fail('UNSUPPORTED_MEDIA_TYPE');
  const binary = isBinaryRequest(
    state.api.binaryMediaTypes,
    mediaType(headerValue(request.rawHeaders, 'content-type')),
  );
  if (binary && choice.kind === 'template' && integration.contentHandling !== 'CONVERT_TO_TEXT') {
    // A mapping template transforms text only; a binary payload without CONVERT_TO_TEXT cannot be transformed.
    return state.failConfiguration(
      'Unable to transform request: the method request body is [Binary Data] (its Content-Type matches binaryMediaTypes) and the integration has no ContentHandling CONVERT_TO_TEXT',
    );
  }
  const rawBody = request.body.length === 0 ? '' : request.body.toString(binary ? 'base64' : 'utf8');
  if (choice.kind !== 'template') return { body: rawBody, overrides: undefined };
  try {
    const rendered = renderMapping(choice.template, state.mappingInput(rawBody, undefined));
    if (state.logger.verbose)
      state.logger.debug(`${state.requestId} request template output: ${rendered.output}`);
    return { body: rendered.output, overrides: rendered.overrides };
  } catch (error) {
    return state.failConfiguration(`Unable to transform request: ${(error as Error).message}`);
  }
}
