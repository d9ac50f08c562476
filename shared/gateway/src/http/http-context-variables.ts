/**
 * The `$context` variables of an HTTP API request, for parameter mappings.
 * @module
 */
import { clfTime } from '../rest/request-context.js';
import { type GatewayRequest, headerValue } from '../server/gateway-request.js';
import { clientAddress, domainPrefixOf, hostOf } from './event-input.js';
import type { HttpApiModel } from './http-api-model.js';
import type { HttpRouteMatch } from './http-router.js';
import type { StageMatch } from './stage-resolver.js';

/**
 * The `$context` variables a parameter mapping of an HTTP API can read.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
export function httpContextVariables(
  api: HttpApiModel,
  stageMatch: StageMatch,
  match: HttpRouteMatch,
  request: GatewayRequest,
  requestId: string,
): Record<string, unknown> {
  const host = hostOf(request);
  return {
    accountId: api.accountId,
    apiId: api.apiId,
    domainName: host,
    domainPrefix: domainPrefixOf(host),
    extendedRequestId: requestId,
    httpMethod: request.method,
    identity: { sourceIp: clientAddress(request), userAgent: headerValue(request.rawHeaders, 'user-agent') },
    path: request.path,
    protocol: request.protocol,
    requestId,
    requestTime: clfTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt,
    routeKey: match.route.key.text,
    stage: stageMatch.stage.name,
  };
}
