import type { GatewayResponse } from '../../server/gateway-request.js';
import { headerValue } from '../../server/gateway-request.js';
import type { ErrorVariant } from '../gateway-error.js';
import { restProxyEvent } from '../proxy-event.js';
import { restProxyAnswer } from '../proxy-response.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';
import { functionFor, invokeLambda, LAMBDA_REQUEST_TOO_LARGE } from './invoke-lambda.js';
import { prepareLambdaInvocation } from './lambda-failure.js';

/** How API Gateway answers when a Lambda proxy integration fails or returns a malformed result. */
const PROXY_FAILURE: ErrorVariant = {
  status: 502,
  errorType: 'InternalServerErrorException',
  body: '{"message": "Internal server error"}',
};

/** How API Gateway answers a binary response whose body is not valid base64. */
const UNDECODABLE_BODY: ErrorVariant = {
  status: 500,
  errorType: 'InternalServerErrorException',
  body: '{"message": "Internal server error"}',
};

/**
 * An `AWS_PROXY` Lambda integration (payload 1.0): the request becomes the proxy event, and the function's
 * result is the response — there is no integration or method response to map it. A function error or a
 * malformed result answers 502 `{"message": "Internal server error"}`; a timeout `INTEGRATION_TIMEOUT`; a
 * binary body that is not valid base64 500. The response carries the request's `X-Amzn-Trace-Id`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export async function lambdaProxyIntegration(
  state: RequestState,
  integration: RestIntegration,
): Promise<GatewayResponse> {
  const { api } = state;
  const prepared = prepareLambdaInvocation(state, integration);
  if ('status' in prepared) return prepared;
  const lambda = functionFor(state, integration)!;
  const event = restProxyEvent(
    api,
    state.stage,
    state.route,
    state.request,
    state.context as never,
    state.headers,
  );
  const outcome = await invokeLambda(state, integration, lambda, event);
  if (outcome === 'integration-timeout') return state.fail('INTEGRATION_TIMEOUT');
  if (outcome.kind === 'payload-too-large') return state.fail('REQUEST_TOO_LARGE', LAMBDA_REQUEST_TOO_LARGE);
  const label = `AWS_PROXY ${lambda.logicalId}`;
  const answer =
    outcome.kind === 'success'
      ? restProxyAnswer(
          outcome.payload,
          headerValue(state.request.rawHeaders, 'accept'),
          api.binaryMediaTypes,
        )
      : 'malformed';
  if (answer === 'invalid-base64') {
    state.logger.error(
      `${state.requestId} ${lambda.logicalId} Execution failed: the binary response body is not valid base64`,
    );
    return { ...state.fail('DEFAULT_5XX', UNDECODABLE_BODY), integration: label };
  }
  if (answer === 'malformed') {
    const reason =
      outcome.kind === 'success'
        ? `Execution failed due to configuration error: Malformed Lambda proxy response: ${outcome.payload.slice(0, 200)}`
        : `Lambda execution failed with status 200 due to customer function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`;
    state.logger.error(`${state.requestId} ${lambda.logicalId} ${reason}`);
    return { ...state.fail('DEFAULT_5XX', PROXY_FAILURE), integration: label };
  }
  const headers = answer.headers;
  headers.push(
    ['x-amzn-RequestId', state.requestId],
    ['x-amz-apigw-id', state.extendedRequestId],
    ['X-Amzn-Trace-Id', state.traceHeader],
  );
  const fallback = () => ({ ...state.fail('DEFAULT_5XX', PROXY_FAILURE), integration: label });
  return { status: answer.status, headers, body: answer.body, integration: label, fallback };
}
