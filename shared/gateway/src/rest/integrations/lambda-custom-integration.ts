import type { GatewayResponse } from '../../server/gateway-request.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';
import type { IntegrationResult } from './integration-result.js';
import { invokeLambda } from './invoke-lambda.js';

/**
 * An `AWS` (non-proxy) Lambda integration: the mapped integration request body is the event. On success
 * the result is the body and the selector is empty (the default integration response applies); on a
 * function error the selector is the `errorMessage` and the body Lambda's error JSON.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 */
export async function lambdaCustomIntegration(
  state: RequestState,
  integration: RestIntegration,
  payload: string,
): Promise<IntegrationResult | GatewayResponse> {
  let event: unknown;
  try {
    event = payload.trim() === '' ? {} : JSON.parse(payload);
  } catch {
    state.logger.error(
      `${state.requestId} Execution failed: the integration request body is not JSON, so Lambda refuses it: ${payload.slice(0, 200)}`,
    );
    return state.fail('DEFAULT_5XX');
  }
  const outcome = await invokeLambda(state, integration, event);
  if (outcome === 'integration-timeout') return state.fail('INTEGRATION_TIMEOUT');
  if (outcome.kind === 'success') return { selector: '', body: outcome.payload };
  state.logger.error(
    `${state.requestId} ${integration.lambda!.logicalId} function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
  );
  const body = JSON.stringify({
    errorMessage: outcome.error.errorMessage,
    errorType: outcome.error.errorType,
    requestId: state.requestId,
    stackTrace: outcome.error.trace ?? [],
  });
  return { selector: outcome.error.errorMessage, body };
}
