import type { GatewayResponse } from '../../server/gateway-request.js';
import type { ErrorVariant } from '../gateway-error.js';
import { lambdaInvocationMapping } from '../lambda-request-parameters.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';

/** API Gateway's 500 for a Lambda integration it cannot call, with the space AWS writes in its body. */
const CANNOT_INVOKE: ErrorVariant = {
  status: 500,
  errorType: 'InternalServerErrorException',
  body: '{"message": "Internal server error"}',
};

/**
 * What a Lambda integration (`AWS` or `AWS_PROXY`) can tell before invoking anything: a request parameter
 * mapping a header API Gateway refuses (500), an `AWS_PROXY` integration whose `IntegrationHttpMethod` is
 * not `POST` (500, as recorded on AWS), a stage whose variables name no function (500).
 * @returns the failure, or how to invoke the function
 */
export function prepareLambdaInvocation(
  state: RequestState,
  integration: RestIntegration,
): GatewayResponse | { readonly invocationType: 'RequestResponse' | 'Event' } {
  const mapping = lambdaInvocationMapping(integration.lambdaRequestParameters ?? [], state.parameterInput());
  if (mapping.kind === 'unmappable') {
    state.logger.error(
      `${state.requestId} Execution failed due to configuration error: the integration request maps the header ${mapping.header}, which API Gateway does not let a Lambda integration set`,
    );
    return state.fail('API_CONFIGURATION_ERROR', CANNOT_INVOKE);
  }
  if (integration.type === 'AWS_PROXY' && integration.integrationHttpMethod !== 'POST') {
    state.logger.error(
      `${state.requestId} Execution failed: an AWS_PROXY integration invokes Lambda with POST, not ${integration.integrationHttpMethod}`,
    );
    return state.fail('INTEGRATION_FAILURE', CANNOT_INVOKE);
  }
  if (integration.lambdaByStage && !integration.lambdaByStage.has(state.stage.name)) {
    state.logger.error(
      `${state.requestId} Execution failed due to configuration error: stage "${state.stage.name}" has no stage variable naming the integration's function`,
    );
    return state.fail('API_CONFIGURATION_ERROR', CANNOT_INVOKE);
  }
  return { invocationType: integration.type === 'AWS_PROXY' ? 'RequestResponse' : mapping.invocationType };
}
