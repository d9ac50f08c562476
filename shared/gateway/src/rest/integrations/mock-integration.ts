import type { GatewayResponse } from '../../server/gateway-request.js';
import { parseMockStatusCode } from '../mock-status-code.js';
import type { RequestState } from '../stages/request-state.js';
import type { IntegrationResult } from './integration-result.js';

/**
 * A `MOCK` integration: the status code the request template's output names selects the integration
 * response; the body stays empty unless a response template writes one. No parsable `statusCode` answers
 * `API_CONFIGURATION_ERROR` (500).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function mockIntegration(
  state: RequestState,
  requestBody: string,
): IntegrationResult | GatewayResponse {
  const statusCode = parseMockStatusCode(requestBody);
  if (statusCode === undefined) {
    return state.failConfiguration(
      `the MOCK request template gave no statusCode: ${requestBody.slice(0, 200)}`,
    );
  }
  return { selector: String(statusCode), body: '' };
}
