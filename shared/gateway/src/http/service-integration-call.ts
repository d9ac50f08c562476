/**
 * The first-class AWS service integrations of an HTTP API route (`IntegrationSubtype`).
 * @module
 */
import type { GatewayResponse } from '../server/gateway-request.js';
import type { ServiceBackends } from '../services/service-backends.js';
import type { HttpServiceIntegration } from './http-api-model.js';
import { contextAuthorizer } from './http-authorizer-result.js';
import { httpContextVariables } from './http-context-variables.js';
import { INTERNAL_SERVER_ERROR_BODY, SERVICE_UNAVAILABLE_BODY } from './http-error-response.js';
import { type RoutedHttpCall, routedError } from './routed-call.js';
import { serviceCall } from './service-call.js';

/**
 * Calls the AWS service action of a first-class integration with the parameters its `RequestParameters`
 * map from the request, and answers with the service's status and body **[choice]** — AWS documents no
 * response shape for these integrations. The service's `content-type` is kept; its other headers are not
 * passed on. A service that cannot be reached gives `500`, one that does not answer in time `503`, as a
 * failing Lambda function does.
 * @param call - the routed request
 * @param integration - the route's service integration
 * @param services - where the call is sent; without it the integration answers 500
 */
export async function serviceIntegrationCall(
  call: RoutedHttpCall,
  integration: HttpServiceIntegration,
  services: ServiceBackends | undefined,
): Promise<GatewayResponse> {
  const { requestId, logger, cors, api, stageMatch, match, authorized } = call;
  const label = `AWS_PROXY ${integration.subtype.subtype}`;
  const fail = (reason: string) => {
    logger.error(`${requestId} ${integration.logicalId} ${integration.subtype.subtype}: ${reason}`);
    return routedError(call, 500, INTERNAL_SERVER_ERROR_BODY, label);
  };
  if (!services) return fail('no backend serves AWS service integrations');
  if (!integration.credentials) {
    return fail('the integration has no CredentialsArn, so API Gateway has no role to call the service with');
  }
  const request = serviceCall(integration, {
    request: call.request,
    pathParameters: match.pathParameters,
    context: {
      ...httpContextVariables(api, stageMatch, match, call.request, requestId),
      ...(authorized ? { authorizer: contextAuthorizer(authorized) } : {}),
    },
    stageVariables: stageMatch.stage.variables,
  });
  const outcome = await services.send({
    ...request,
    region: request.region ?? api.region,
    timeoutMs: integration.timeoutMs,
    requestId,
  });
  if (outcome.kind === 'timeout') {
    logger.error(
      `${requestId} ${integration.logicalId} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
    );
    return routedError(call, 503, SERVICE_UNAVAILABLE_BODY, label);
  }
  if (outcome.kind === 'unreachable') return fail(`the service cannot be reached: ${outcome.reason}`);
  if (outcome.status >= 400) {
    logger.info(`${requestId} ${integration.subtype.subtype} answered ${outcome.status}: ${outcome.body}`);
  }
  const headers: Array<[string, string]> = [];
  const contentType = outcome.headers.find(([name]) => name === 'content-type');
  if (contentType) headers.push(['content-type', contentType[1]]);
  if (cors) headers.push(...cors.actual(call.origin));
  headers.push(['apigw-requestid', requestId]);
  const fallback = () => routedError(call, 500, INTERNAL_SERVER_ERROR_BODY, label);
  return { status: outcome.status, headers, body: outcome.body, integration: label, fallback };
}
