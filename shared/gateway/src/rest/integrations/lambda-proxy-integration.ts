import type { GatewayResponse } from '../../server/gateway-request.js';
import { headerValue } from '../../server/gateway-request.js';
import { newTraceId } from '../../server/request-ids.js';
import type { ErrorVariant } from '../gateway-error.js';
import { restProxyEvent } from '../proxy-event.js';
import { proxyAnswer } from '../proxy-response.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';
import { invokeLambda } from './invoke-lambda.js';

/** How API Gateway answers when a Lambda proxy integration fails or returns a malformed result. */
const PROXY_FAILURE: ErrorVariant = {
  status: 502,
  errorType: 'InternalServerErrorException',
  body: '{"message": "Internal server error"}',
};

/**
 * An `AWS_PROXY` Lambda integration (payload 1.0): the request becomes the proxy event, and the function's
 * result is the response — there is no integration or method response to map it. A function error or a
 * malformed result answers 502 `{"message": "Internal server error"}`; a timeout `INTEGRATION_TIMEOUT`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export async function lambdaProxyIntegration(
  state: RequestState,
  integration: RestIntegration,
): Promise<GatewayResponse> {
  const { api } = state;
  const event = restProxyEvent(api, state.stage, state.route, state.request, state.context as never);
  const outcome = await invokeLambda(state, integration, event);
  if (outcome === 'integration-timeout') return state.fail('INTEGRATION_TIMEOUT');
  const lambdaId = integration.lambda!.logicalId;
  const answer =
    outcome.kind === 'success'
      ? proxyAnswer(outcome.payload, headerValue(state.request.rawHeaders, 'accept'), api.binaryMediaTypes)
      : undefined;
  if (!answer) {
    const reason =
      outcome.kind === 'success'
        ? `Execution failed due to configuration error: Malformed Lambda proxy response: ${outcome.payload.slice(0, 200)}`
        : `Lambda execution failed with status 200 due to customer function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`;
    state.logger.error(`${state.requestId} ${lambdaId} ${reason}`);
    const response = state.fail('DEFAULT_5XX', PROXY_FAILURE);
    return { ...response, integration: `AWS_PROXY ${lambdaId}` };
  }
  const headers = answer.headers;
  headers.push(
    ['x-amzn-RequestId', state.requestId],
    ['x-amz-apigw-id', state.extendedRequestId],
    ['X-Amzn-Trace-Id', newTraceId(state.request.receivedAt)],
  );
  return { status: answer.status, headers, body: answer.body, integration: `AWS_PROXY ${lambdaId}` };
}
