import type { GatewayResponse } from '../../server/gateway-request.js';
import { headerValue } from '../../server/gateway-request.js';
import type { MappingOverrides } from '../../vtl/index.js';
import type { IntegrationResult } from '../integrations/integration-result.js';
import { functionFor } from '../integrations/invoke-lambda.js';
import { renderMapping, selectTemplate } from '../mapping.js';
import { resolveResponseParameter } from '../resolve-response-parameter.js';
import type { RestIntegration, RestIntegrationResponse } from '../rest-api-model.js';
import { remapResponseHeaders } from '../restricted-headers.js';
import type { RequestState } from './request-state.js';

/**
 * The method response stage: the selected integration response's header mappings and response template
 * (chosen by `Accept`), then the template's `$context.responseOverride`. A non-proxy response carries only
 * the mapped headers and overrides, with `Content-Type: application/json` unless one is mapped; a mapped
 * header API Gateway reserves is sent as `x-amzn-Remapped-<name>` (`Transfer-Encoding` is dropped).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-response.html
 */
export function methodResponse(
  state: RequestState,
  integration: RestIntegration,
  selected: RestIntegrationResponse,
  result: IntegrationResult,
  requestOverrides: MappingOverrides | undefined,
): GatewayResponse {
  const mapped: Array<[string, string]> = [];
  for (const [name, source] of selected.responseParameters) {
    const value = resolveResponseParameter(source, state, state.stage.variables, result.body, result.headers);
    if (value !== undefined) mapped.push([name, value]);
  }
  let body = integration.type === 'MOCK' ? '' : result.body;
  let overrides = requestOverrides;
  const template = selectTemplate(
    selected.responseTemplates,
    headerValue(state.request.rawHeaders, 'accept'),
  );
  if (template) {
    try {
      const rendered = renderMapping(template, state.mappingInput(result.body, overrides));
      body = rendered.output;
      overrides = rendered.overrides;
      if (state.logger.verbose) state.logger.debug(`${state.requestId} response template output: ${body}`);
    } catch (error) {
      return state.failConfiguration(`Unable to transform response: ${(error as Error).message}`);
    }
  }
  const status = overrides?.responseOverride.status ?? Number(selected.statusCode);
  const overrideHeaders = overrides ? Object.entries(overrides.responseOverride.header) : NO_HEADERS;
  const headers: Array<[string, string]> = [];
  if (status !== 204 && !hasHeader(mapped, 'content-type') && !hasHeader(overrideHeaders, 'content-type'))
    headers.push(['Content-Type', 'application/json']);
  headers.push(['x-amzn-RequestId', state.requestId]);
  const set: Array<[string, string]> = [];
  for (const entry of mapped) {
    if (overrideHeaders.length === 0 || !hasHeader(overrideHeaders, entry[0].toLowerCase())) set.push(entry);
  }
  for (const [name, value] of overrideHeaders) set.push([name, String(value)]);
  headers.push(...remapResponseHeaders(set));
  headers.push(['x-amz-apigw-id', state.extendedRequestId]);
  if (integration.type !== 'MOCK') headers.push(['X-Amzn-Trace-Id', state.traceHeader]);
  const label =
    integration.type === 'MOCK'
      ? 'MOCK'
      : integration.http
        ? integration.http.label
        : `AWS ${integration.service ? integration.service.label : (functionFor(state, integration) ?? integration.lambda!).logicalId}`;
  const fallback = () => ({ ...state.fail('API_CONFIGURATION_ERROR'), integration: label });
  return { status, headers, body, integration: label, fallback };
}

const NO_HEADERS: ReadonlyArray<readonly [string, unknown]> = [];

/** Whether `headers` has one named `lowerName` (in any case). */
function hasHeader(headers: ReadonlyArray<readonly [string, unknown]>, lowerName: string): boolean {
  for (let i = 0; i < headers.length; i++) if (headers[i]![0].toLowerCase() === lowerName) return true;
  return false;
}
