import type { HttpBackendOutcome } from '../../http-backends/http-backends.js';
import type { GatewayResponse } from '../../server/gateway-request.js';
import { newTraceId } from '../../server/request-ids.js';
import type { MappingOverrides } from '../../vtl/index.js';
import type { RestHttpIntegration } from '../read-http-integration.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';
import { buildHttpRequest } from './http-request.js';
import type { IntegrationResult } from './integration-result.js';

/**
 * Backend response headers API Gateway renames `x-amzn-Remapped-<name>` on a proxied response, because it
 * sets them itself or they describe the backend's connection (recorded on AWS for `Connection`,
 * `Content-Length`, `Date` and `x-amzn-RequestId`; the others are those its documentation lists).
 */
const REMAPPED = new Map(
  [
    'Authorization',
    'Connection',
    'Content-Length',
    'Content-MD5',
    'Date',
    'Expect',
    'Host',
    'Max-Forwards',
    'Proxy-Authenticate',
    'Server',
    'Trailer',
    'Upgrade',
    'User-Agent',
    'WWW-Authenticate',
    'x-amzn-RequestId',
  ].map((name) => [name.toLowerCase(), name]),
);
/** Backend headers a proxied response drops: the gateway frames the response and traces it itself. */
const DROPPED: ReadonlySet<string> = new Set([
  'transfer-encoding',
  'keep-alive',
  'x-amzn-trace-id',
  'x-amz-apigw-id',
]);

/**
 * An `HTTP` (custom) integration: the integration request (after its template) goes to the backend, and
 * the backend's status code selects the integration response, whose mappings and template make the method
 * response — a backend 400 with only a default 200 integration response is a 200, as recorded on AWS.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
export async function httpIntegration(
  state: RequestState,
  integration: RestIntegration,
  http: RestHttpIntegration,
  body: string,
  overrides: MappingOverrides | undefined,
): Promise<IntegrationResult | GatewayResponse> {
  const outcome = await send(state, integration, http, Buffer.from(body), overrides);
  if (!('kind' in outcome)) return outcome;
  if (outcome.status >= 400) {
    state.logger.info(
      `${state.requestId} ${http.label} answered ${outcome.status}: ${outcome.body.toString('utf8').slice(0, 300)}`,
    );
  }
  return { selector: String(outcome.status), body: outcome.body.toString('utf8'), headers: outcome.headers };
}

/**
 * An `HTTP_PROXY` integration: the client's request goes to the backend almost as it came, and the
 * backend's answer is the response — its status, its body, its headers except the ones API Gateway sets
 * itself, which it renames `x-amzn-Remapped-<name>` — with `x-amzn-RequestId`, `x-amz-apigw-id` and
 * `X-Amzn-Trace-Id` added. There is no integration or method response to map it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html#api-gateway-set-up-http-proxy-integration-on-proxy-resource
 */
export async function httpProxyIntegration(
  state: RequestState,
  integration: RestIntegration,
): Promise<GatewayResponse> {
  const http = integration.http!;
  const label = http.label;
  const outcome = await send(state, integration, http, state.request.body, undefined);
  if (!('kind' in outcome)) return { ...outcome, integration: label };
  const headers: Array<[string, string]> = [];
  for (const [name, value] of outcome.headers) {
    const lower = name.toLowerCase();
    if (DROPPED.has(lower)) continue;
    const remapped = REMAPPED.get(lower);
    headers.push(remapped ? [`x-amzn-Remapped-${remapped}`, value] : [name, value]);
  }
  headers.push(
    ['x-amzn-RequestId', state.requestId],
    ['x-amz-apigw-id', state.extendedRequestId],
    ['X-Amzn-Trace-Id', newTraceId(state.request.receivedAt)],
  );
  return { status: outcome.status, headers, body: outcome.body, integration: label };
}

/**
 * Sends the integration request and answers the failures as API Gateway does: a timeout with
 * `INTEGRATION_TIMEOUT` (504); a host that does not resolve or a URL that is not one with
 * `API_CONFIGURATION_ERROR` (500, "Invalid endpoint address"); a refused connection likewise (500); a failed
 * TLS handshake with `INTEGRATION_FAILURE` (504).
 */
async function send(
  state: RequestState,
  integration: RestIntegration,
  http: RestHttpIntegration,
  body: Buffer,
  overrides: MappingOverrides | undefined,
): Promise<Extract<HttpBackendOutcome, { kind: 'response' }> | GatewayResponse> {
  const built = buildHttpRequest(state, integration, http, body, overrides?.requestOverride);
  if ('invalid' in built) return state.failConfiguration(built.invalid);
  const outcome = await state.deps.http!.send(built);
  switch (outcome.kind) {
    case 'response':
      return outcome;
    case 'timeout':
      state.logger.error(
        `${state.requestId} Execution failed due to a timeout error: ${http.label} did not answer within ${integration.timeoutMs} ms`,
      );
      return state.fail('INTEGRATION_TIMEOUT');
    case 'invalid-endpoint':
      return state.failConfiguration(`Invalid endpoint address: ${built.url.href} (${outcome.reason})`);
    case 'tls':
      state.logger.error(
        `${state.requestId} Execution failed due to a network error communicating with endpoint ${built.url.href}: ${outcome.reason}`,
      );
      return state.fail('INTEGRATION_FAILURE');
    case 'unreachable':
      return state.failConfiguration(`${built.url.href} cannot be reached: ${outcome.reason}`);
  }
}
