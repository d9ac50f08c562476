import type { GatewayResponse } from '../../server/gateway-request.js';
import type { MappingOverrides } from '../../vtl/index.js';
import type { IntegrationResult } from '../integrations/integration-result.js';
import type { RestIntegration, RestIntegrationResponse } from '../rest-api-model.js';
import { methodResponse } from './method-response.js';
import type { RequestState } from './request-state.js';

/**
 * The integration response stage: selects the integration response for what the integration answered and
 * hands it to the method response. No match and no default answers `API_CONFIGURATION_ERROR` (500).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
 */
export function integrationResponse(
  state: RequestState,
  integration: RestIntegration,
  result: IntegrationResult,
  overrides: MappingOverrides | undefined,
): GatewayResponse {
  const selected = selectIntegrationResponse(integration.integrationResponses, result.selector);
  if (!selected) {
    return state.failConfiguration(
      `No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${result.selector}`,
    );
  }
  return methodResponse(state, integration, selected, result, overrides);
}

/**
 * The integration response whose `selectionPattern` fully matches `selector`, else the default one (no
 * pattern). For Lambda the selector is the `errorMessage` (empty on success); for MOCK and AWS services the
 * status code (`"200"`, `"400"`, …).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
 */
export function selectIntegrationResponse(
  responses: readonly RestIntegrationResponse[],
  selector: string,
): RestIntegrationResponse | undefined {
  let fallback: RestIntegrationResponse | undefined;
  for (const response of responses) {
    if (!response.selectionPattern) fallback ??= response;
    else if (selector !== '' && response.selectionPattern.test(selector)) return response;
  }
  return fallback;
}
