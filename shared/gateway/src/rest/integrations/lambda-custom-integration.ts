import type { GatewayResponse } from '../../server/gateway-request.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';
import type { IntegrationResult } from './integration-result.js';
import { functionFor, invokeLambda, LAMBDA_REQUEST_TOO_LARGE } from './invoke-lambda.js';
import { prepareLambdaInvocation } from './lambda-failure.js';

/**
 * An `AWS` (non-proxy) Lambda integration: the mapped integration request body is the event. On success
 * the result is the body and the selector is empty (the default integration response applies); on a
 * function error the selector is the `errorMessage` and the body Lambda's error JSON. With the request
 * parameter `integration.request.header.X-Amz-Invocation-Type` `'Event'` the function is invoked
 * asynchronously and the result is an empty body at once.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integration-async.html
 */
export async function lambdaCustomIntegration(
  state: RequestState,
  integration: RestIntegration,
  payload: string,
): Promise<IntegrationResult | GatewayResponse> {
  const prepared = prepareLambdaInvocation(state, integration);
  if ('status' in prepared) return prepared;
  const lambda = functionFor(state, integration)!;
  let event: unknown;
  try {
    event = payload.trim() === '' ? {} : JSON.parse(payload);
  } catch {
    state.logger.error(
      `${state.requestId} Execution failed: the integration request body is not JSON, so Lambda refuses it: ${payload.slice(0, 200)}`,
    );
    return state.fail('DEFAULT_5XX');
  }
  if (prepared.invocationType === 'Event') {
    state.deps.runtime.invoke(lambda, state.requestId, event).then(
      (outcome) => {
        if (outcome.kind !== 'success') {
          state.logger.error(
            `${state.requestId} ${lambda.logicalId} asynchronous invocation failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
          );
        }
      },
      (error: unknown) =>
        state.logger.error(`${state.requestId} ${lambda.logicalId} asynchronous invocation failed: ${error}`),
    );
    return { selector: '', body: '' };
  }
  const outcome = await invokeLambda(state, integration, lambda, event);
  if (outcome === 'integration-timeout') return state.fail('INTEGRATION_TIMEOUT');
  if (outcome.kind === 'payload-too-large') return state.fail('REQUEST_TOO_LARGE', LAMBDA_REQUEST_TOO_LARGE);
  if (outcome.kind === 'success') return { selector: '', body: outcome.payload };
  state.logger.error(
    `${state.requestId} ${lambda.logicalId} function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
  );
  const body = JSON.stringify({
    errorMessage: outcome.error.errorMessage,
    errorType: outcome.error.errorType,
    requestId: state.requestId,
    stackTrace: outcome.error.trace ?? [],
  });
  return { selector: outcome.error.errorMessage, body };
}
