import type { GatewayResponse } from '../../server/gateway-request.js';
import { headerValue, mediaType } from '../../server/gateway-request.js';
import type { RequestValidation } from '../method-request-model.js';
import { parseQuery } from '../parse-query.js';
import type { RequestState } from '../stages/request-state.js';

/**
 * Request validation, the last check of the method request: the required parameters first
 * (`BAD_REQUEST_PARAMETERS`, 400 `Missing required request parameters: [a, b]`), then the body against the
 * model of its content type, or of `$default` (`BAD_REQUEST_BODY`, 400 `Invalid request body`). A request
 * without `Content-Type` is validated as `application/json`; an empty or non-JSON body is invalid.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export function requestValidationCheck(state: RequestState): GatewayResponse | undefined {
  const validation = state.route.method.request.validation;
  if (!validation) return undefined;
  const missing = missingParameters(state, validation);
  if (missing.length > 0) {
    const message = `Missing required request parameters: [${missing.join(', ')}]`;
    state.logger.info(`${state.requestId} Request validation failed: ${message}`);
    return state.fail('BAD_REQUEST_PARAMETERS', { message });
  }
  if (!validation.bodyModels) return undefined;
  const contentType = mediaType(headerValue(state.request.rawHeaders, 'content-type')) ?? 'application/json';
  const validate = validation.bodyModels.get(contentType) ?? validation.bodyModels.get('$default');
  if (!validate) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(state.request.body.toString('utf8'));
  } catch {
    state.logger.info(`${state.requestId} Request body does not match model schema: the body is not JSON`);
    return state.fail('BAD_REQUEST_BODY');
  }
  if (validate(body)) return undefined;
  state.logger.info(
    `${state.requestId} Request body does not match model schema for content type ${contentType}`,
  );
  return state.fail('BAD_REQUEST_BODY');
}

function missingParameters(state: RequestState, validation: RequestValidation): string[] {
  const required = validation.requiredParameters;
  if (!required?.length) return [];
  const { request, route } = state;
  let query: Record<string, string> | null | undefined;
  const missing: string[] = [];
  for (const { location, name } of required) {
    let present: boolean;
    if (location === 'path') present = route.pathParameters?.[name] !== undefined;
    else if (location === 'header')
      present = headerValue(request.rawHeaders, name.toLowerCase()) !== undefined;
    else {
      query ??= parseQuery(request.rawQuery).single;
      present = query?.[name] !== undefined;
    }
    if (!present) missing.push(name);
  }
  return missing;
}
