/**
 * The Lambda proxy integration of an HTTP API route (payload format 1.0 or 2.0).
 * @module
 */
import { invokeWithin } from '../lambda/invoke-within.js';
import type { LambdaRuntime } from '../lambda/lambda-runtime.js';
import type { GatewayResponse } from '../server/gateway-request.js';
import { newTraceId } from '../server/request-ids.js';
import type { HttpEventInput } from './event-input.js';
import type { HttpAnswer, MalformedResult } from './http-answer.js';
import type { HttpLambdaProxyIntegration } from './http-api-model.js';
import { eventAuthorizer } from './http-authorizer-result.js';
import { INTERNAL_SERVER_ERROR_BODY, SERVICE_UNAVAILABLE_BODY } from './http-error-response.js';
import { httpProxyEventV1 } from './payload-v1-event.js';
import { interpretResultV1 } from './payload-v1-response.js';
import { httpProxyEventV2 } from './payload-v2-event.js';
import { interpretResultV2 } from './payload-v2-response.js';
import { REQUEST_ENTITY_TOO_LARGE_BODY } from './refused-request.js';
import { type RoutedHttpCall, routedError } from './routed-call.js';

/**
 * Invokes the route's function with the event of its payload format and answers with what it returned:
 * the function's `access-control-*` headers give way to the configuration's; a timeout of the integration
 * answers 503, an event over Lambda's quota 413, a failing function or a malformed result 500.
 * @param call - the routed request
 * @param integration - the route's Lambda proxy integration
 * @param runtime - runs the function
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export async function lambdaProxyCall(
  call: RoutedHttpCall,
  integration: HttpLambdaProxyIntegration,
  runtime: LambdaRuntime,
): Promise<GatewayResponse> {
  const { requestId, logger, cors, authorized } = call;
  const label = `AWS_PROXY ${integration.lambda.logicalId}`;
  const input: HttpEventInput = {
    api: call.api,
    stage: call.stageMatch.stage,
    match: call.match,
    request: call.request,
    requestId,
    traceId: newTraceId(call.request.receivedAt),
    ...(authorized ? { authorizer: eventAuthorizer(authorized, integration.payloadFormatVersion) } : {}),
  };
  const isV2 = integration.payloadFormatVersion === '2.0';
  const event = isV2 ? httpProxyEventV2(input) : httpProxyEventV1(input);
  const outcome = await invokeWithin(runtime, integration.lambda, requestId, event, integration.timeoutMs);
  if (outcome === 'integration-timeout') {
    logger.error(
      `${requestId} ${integration.lambda.logicalId} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
    );
    return routedError(call, 503, SERVICE_UNAVAILABLE_BODY, label);
  }
  if (outcome.kind === 'payload-too-large') {
    return routedError(call, 413, REQUEST_ENTITY_TOO_LARGE_BODY, label);
  }
  if (outcome.kind !== 'success') {
    logger.error(
      `${requestId} ${integration.lambda.logicalId} failed (${outcome.kind}): ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    );
    return routedError(call, 500, INTERNAL_SERVER_ERROR_BODY, label);
  }
  const answer: HttpAnswer | MalformedResult = isV2
    ? interpretResultV2(outcome.payload)
    : interpretResultV1(outcome.payload);
  if ('malformed' in answer) {
    logger.error(
      `${requestId} ${integration.lambda.logicalId} returned a malformed result for payload format ${integration.payloadFormatVersion}: ${answer.reason}`,
    );
    return routedError(call, 500, INTERNAL_SERVER_ERROR_BODY, label);
  }
  if (logger.verbose) logger.debug(`${requestId} function headers: ${JSON.stringify(answer.headers)}`);
  const headers = cors
    ? answer.headers.filter(([name]) => !name.startsWith('access-control-'))
    : answer.headers;
  if (cors) headers.push(...cors.actual(call.origin));
  headers.push(['apigw-requestid', requestId]);
  const fallback = () => routedError(call, 500, INTERNAL_SERVER_ERROR_BODY, label);
  return { status: answer.status, headers, body: answer.body, integration: label, fallback };
}
