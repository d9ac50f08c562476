import type { InvocationOutcome } from '../../lambda/execution-environment.js';
import { invokeWithin } from '../../lambda/invoke-within.js';
import type { LambdaFunctionDefinition } from '../../lambda/lambda-function.js';
import type { ErrorVariant } from '../gateway-error.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';

/**
 * How a REST API answers when the event is over Lambda's 6 MB payload quota: the `REQUEST_TOO_LARGE`
 * gateway response as AWS was seen to send it, 413 `{"message": "Request Too Long"}` with
 * `x-amzn-ErrorType: BadRequestException`.
 */
export const LAMBDA_REQUEST_TOO_LARGE: ErrorVariant = {
  errorType: 'BadRequestException',
  body: '{"message": "Request Too Long"}',
};

/**
 * The function an integration invokes for this request's stage: its only one, or the one the stage's
 * variables name when the integration's ARN holds `${stageVariables.name}`.
 * @returns `undefined` when this stage's variables name no function
 */
export function functionFor(
  state: RequestState,
  integration: RestIntegration,
): LambdaFunctionDefinition | undefined {
  return integration.lambdaByStage ? integration.lambdaByStage.get(state.stage.name) : integration.lambda;
}

/**
 * Invokes `lambda`, giving up with `'integration-timeout'` when the integration's `TimeoutInMillis` is
 * shorter than the function's own timeout and runs out first.
 */
export function invokeLambda(
  state: RequestState,
  integration: RestIntegration,
  lambda: LambdaFunctionDefinition,
  event: unknown,
): Promise<InvocationOutcome | 'integration-timeout'> {
  return invokeWithin(state.deps.runtime, lambda, state.requestId, event, integration.timeoutMs);
}
