import type { GatewayResponse } from '../../server/gateway-request.js';
import type { MappingOverrides } from '../../vtl/index.js';
import { type RequestParameterTarget, resolveRequestParameter } from '../request-parameter.js';
import type { RestIntegration, RestServiceIntegration } from '../rest-api-model.js';
import { buildServiceRequest } from '../service-request.js';
import type { RequestState } from '../stages/request-state.js';
import type { IntegrationResult } from './integration-result.js';

/**
 * An `AWS` service integration (DynamoDB, Kinesis, …): the rendered template is the body of the service's
 * protocol request, with the mapped `RequestParameters` and the request template's overrides. The
 * service's status code is what integration responses are selected by.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-kinesis.html
 */
export async function awsServiceIntegration(
  state: RequestState,
  integration: RestIntegration,
  target: RestServiceIntegration,
  body: string,
  overrides: MappingOverrides | undefined,
): Promise<IntegrationResult | GatewayResponse> {
  const services = state.deps.services;
  if (!services) return state.failConfiguration(`no backend serves ${target.label}`);
  if (!target.credentials) {
    return state.failConfiguration(
      `${target.label} has no Credentials, so API Gateway has no role to call ${target.service} with`,
    );
  }
  const mapped: Array<readonly [RequestParameterTarget, string]> = [];
  for (const [where, source] of target.requestParameters) {
    const value = resolveRequestParameter(source, state.parameterInput());
    if (value !== undefined) mapped.push([where, value]);
  }
  const built = buildServiceRequest(target, body, mapped, overrides?.requestOverride);
  if (typeof built === 'string') return state.failConfiguration(built);
  const outcome = await services.send({
    ...built,
    service: target.service,
    region: target.uri.region || state.api.region,
    timeoutMs: integration.timeoutMs,
    requestId: state.requestId,
  });
  if (outcome.kind === 'timeout') {
    state.logger.error(
      `${state.requestId} ${target.label} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
    );
    return state.fail('INTEGRATION_TIMEOUT');
  }
  if (outcome.kind === 'unreachable') {
    return state.failConfiguration(`${target.label} cannot be reached: ${outcome.reason}`);
  }
  if (outcome.status >= 400) {
    state.logger.info(
      `${state.requestId} ${target.label} answered ${outcome.status}: ${outcome.body.slice(0, 300)}`,
    );
  }
  return { selector: String(outcome.status), body: outcome.body, headers: outcome.headers };
}
