import { expandUri } from '../http-backends/expand-uri.js';
import type { HttpBackends } from '../http-backends/http-backends.js';
import { HOP_BY_HOP, proxiedRequestHeaders } from '../http-backends/proxy-headers.js';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import { newTraceId } from '../server/request-ids.js';
import type { HttpCorsPolicy } from './cors-policy.js';
import { clientAddress, hostOf } from './event-input.js';
import type { HttpUrlProxyIntegration } from './http-api-model.js';
import { INTERNAL_SERVER_ERROR_BODY } from './http-error-response.js';
import type { HttpRouteMatch } from './http-router.js';
import { evaluateMappingValue } from './parameter-mapping.js';
import type { StageMatch } from './stage-resolver.js';

/** The body of an HTTP API's answer when an HTTP integration does not answer in time. */
export const GATEWAY_TIMEOUT_BODY = '{"message":"Gateway Timeout"}';
/** Backend response headers the gateway does not pass on: it frames and dates the response itself. */
const NOT_PASSED_ON: ReadonlySet<string> = new Set([...HOP_BY_HOP, 'date']);

/** One request to an `HTTP_PROXY` integration of an HTTP API. */
export interface HttpProxyCall {
  readonly integration: HttpUrlProxyIntegration;
  readonly request: GatewayRequest;
  readonly requestId: string;
  readonly stageMatch: StageMatch;
  readonly match: HttpRouteMatch;
  /** The request's `Origin`, for the CORS headers of the configuration. */
  readonly origin: string | undefined;
  readonly cors: HttpCorsPolicy | undefined;
  readonly backends: HttpBackends;
  readonly logger: GatewayLogger;
  /** The `$context` variables a mapping can read. */
  readonly context: () => Record<string, unknown>;
}

/**
 * Calls an `HTTP_PROXY` integration of an HTTP API and answers with what the backend answered:
 *
 * - the URL is the integration URI with the route's path variables and stage variables filled in; a
 *   private integration (a listener or Cloud Map ARN, mapped to a URL) gets the request path, which for a
 *   named stage starts with the stage, as AWS documents; `overwrite:path` replaces the path;
 * - the query string and the headers are the client's (without hop-by-hop ones), with `X-Amzn-Trace-Id`
 *   and `X-Forwarded-*` added, then the `RequestParameters` mappings applied (`$request.path` is the path
 *   below the stage);
 * - the backend's status, headers and body are the response, except its hop-by-hop headers and `Date`;
 *   with a `CorsConfiguration` its `access-control-*` headers are dropped and the configuration's added.
 *
 * A backend that does not answer within the integration's timeout gives 504 `{"message":"Gateway
 * Timeout"}`; one that cannot be reached (or a URL that is not one) 500 `{"message":"Internal Server
 * Error"}` **[choice]** — AWS documents the 504 but not the bodies.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
 */
export async function httpProxyCall(call: HttpProxyCall): Promise<GatewayResponse> {
  const { integration, request, requestId, stageMatch, logger } = call;
  const stage = stageMatch.stage;
  const pathBelowStage =
    stage.name === '$default' ? request.path : request.path.slice(stage.name.length + 1) || '/';
  const mappingInput = {
    request: { ...request, path: pathBelowStage },
    pathParameters: call.match.pathParameters,
    get context() {
      return call.context();
    },
    stageVariables: stage.variables,
  };
  const expanded = expandUri(integration.target.uri, call.match.pathParameters ?? {}, stage.variables);
  const fullPath = request.rawQuery ? `${request.path}?${request.rawQuery}` : request.path;
  const url =
    typeof expanded === 'string' ? call.backends.urlFor(integration.target, expanded, fullPath) : undefined;
  if (!url) {
    logger.error(
      `${requestId} ${integration.logicalId}: ${typeof expanded === 'string' ? `${JSON.stringify(expanded)} is not an http(s) URL` : expanded.missing}`,
    );
    return answer(call, 500, INTERNAL_SERVER_ERROR_BODY);
  }
  if (integration.target.connectionType !== 'VPC_LINK' && request.rawQuery !== '') {
    const search = new URLSearchParams(url.search);
    for (const [name, value] of new URLSearchParams(request.rawQuery)) search.append(name, value);
    url.search = search.toString();
  }
  const port = /:(\d+)$/.exec(hostOf(request))?.[1] ?? '80';
  let headers = proxiedRequestHeaders(request.rawHeaders, {
    sourceIp: clientAddress(request),
    port,
    traceId: newTraceId(request.receivedAt),
  });
  const search = new URLSearchParams(url.search);
  for (const mapping of integration.parameters) {
    const value = mapping.action === 'remove' ? '' : evaluateMappingValue(mapping.value, mappingInput);
    if (value === undefined) continue;
    if (mapping.location === 'path') {
      url.pathname = value.startsWith('/') ? value : `/${value}`;
    } else if (mapping.location === 'querystring') {
      if (mapping.action !== 'append') search.delete(mapping.name);
      if (mapping.action !== 'remove') search.append(mapping.name, value);
    } else {
      const lower = mapping.name.toLowerCase();
      if (mapping.action !== 'append') headers = headers.filter(([name]) => name.toLowerCase() !== lower);
      if (mapping.action === 'append') {
        const existing = headers.find(([name]) => name.toLowerCase() === lower);
        if (existing) existing[1] = `${existing[1]},${value}`;
        else headers.push([mapping.name, value]);
      } else if (mapping.action === 'overwrite') headers.push([mapping.name, value]);
    }
  }
  url.search = search.toString();
  const method = integration.method === 'ANY' ? request.method : integration.method;
  const outcome = await call.backends.send({
    method,
    url,
    headers,
    body: request.body,
    timeoutMs: integration.timeoutMs,
  });
  if (outcome.kind === 'timeout') {
    logger.error(
      `${requestId} ${integration.label} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
    );
    return answer(call, 504, GATEWAY_TIMEOUT_BODY);
  }
  if (outcome.kind !== 'response') {
    logger.error(`${requestId} ${integration.label}: ${url.href} cannot be reached: ${outcome.reason}`);
    return answer(call, 500, INTERNAL_SERVER_ERROR_BODY);
  }
  const passed: Array<[string, string]> = [];
  for (const [name, value] of outcome.headers) {
    const lower = name.toLowerCase();
    if (NOT_PASSED_ON.has(lower) || (call.cors && lower.startsWith('access-control-'))) continue;
    passed.push([lower, value]);
  }
  if (call.cors) passed.push(...call.cors.actual(call.origin));
  passed.push(['apigw-requestid', requestId]);
  return { status: outcome.status, headers: passed, body: outcome.body, integration: integration.label };
}

function answer(call: HttpProxyCall, status: number, body: string): GatewayResponse {
  const headers: Array<[string, string]> = [['content-type', 'application/json']];
  if (call.cors) headers.push(...call.cors.actual(call.origin));
  headers.push(['apigw-requestid', call.requestId]);
  return { status, headers, body, integration: call.integration.label };
}
