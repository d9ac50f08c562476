import { HttpBackends } from '../http-backends/http-backends.js';
import type { LambdaRuntime } from '../lambda/lambda-runtime.js';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import { PathMemo } from '../server/path-memo.js';
import { newExtendedRequestId, newRequestId } from '../server/request-ids.js';
import type { ServiceBackends } from '../services/service-backends.js';
import { apiKeyCheck } from './checks/api-key-check.js';
import { requestValidationCheck } from './checks/request-validation-check.js';
import { throttleCheck } from './checks/throttle-check.js';
import { compressResponse } from './compress-response.js';
import { gatewayErrorResponse } from './gateway-error.js';
import { awsServiceIntegration } from './integrations/aws-service-integration.js';
import { httpIntegration, httpProxyIntegration } from './integrations/http-integration.js';
import type { IntegrationResult } from './integrations/integration-result.js';
import { lambdaCustomIntegration } from './integrations/lambda-custom-integration.js';
import { lambdaProxyIntegration } from './integrations/lambda-proxy-integration.js';
import { mockIntegration } from './integrations/mock-integration.js';
import { staticMockResponse } from './integrations/mock-static-answer.js';
import { refusedRequestResponse } from './refused-request.js';
import type { RestIntegration } from './rest-api-model.js';
import { authorizeMethodRequest } from './stages/authorize.js';
import { integrationRequest } from './stages/integration-request.js';
import { integrationResponse } from './stages/integration-response.js';
import { type MethodRequestCheck, runMethodRequest } from './stages/method-request.js';
import { RestPathRouting } from './stages/path-routing.js';
import { RequestState, type RestPipelineDeps, type StageAnswer } from './stages/request-state.js';

/**
 * The method request's checks for one API, in the order API Gateway runs them: authorization, the API
 * key, throttling (usage plan, then stage), request validation.
 */
function methodRequestChecks(api: RestPipelineDeps['api']): readonly MethodRequestCheck[] {
  return [authorizeMethodRequest, apiKeyCheck, throttleCheck(api), requestValidationCheck];
}

/**
 * Serves one REST API as the chain of stages the API Gateway console shows: routing, then the **method
 * request** (`stages/method-request.ts`), the **integration request** (`stages/integration-request.ts`),
 * the **integration** (`integrations/`: `MOCK`, `AWS_PROXY` Lambda, `AWS` Lambda, `AWS` service, `HTTP`,
 * `HTTP_PROXY`), the
 * **integration response** and the **method response** (`stages/`). Any stage may end the request with a
 * gateway response (`RequestState.fail`), so a customised gateway response always applies.
 */
export class RestApiPipeline {
  readonly #deps: RestPipelineDeps;
  readonly #checks: readonly MethodRequestCheck[];
  /** The stage and routes of the paths seen so far. */
  readonly #routing = new PathMemo<RestPathRouting>();
  readonly #routePath = (path: string) => new RestPathRouting(this.#deps.api, path);

  /**
   * @param services - where `AWS` service integrations send their requests; without it they answer 500
   * @param http - where `HTTP` and `HTTP_PROXY` integrations send theirs; by default to their URIs as written
   */
  constructor(
    api: RestPipelineDeps['api'],
    runtime: LambdaRuntime,
    logger: GatewayLogger,
    services?: ServiceBackends,
    http: HttpBackends = new HttpBackends(),
  ) {
    this.#deps = { api, runtime, logger, services, http };
    this.#checks = methodRequestChecks(api);
    for (const key of api.apiKeys.byValue.values()) {
      if (key.generated && key.grants.length > 0) {
        logger.info(
          `${api.stackName}/${key.logicalId}: the template sets no Value, so this API key is ${key.value}`,
        );
      }
    }
  }

  /** Answers one request (at once when no backend is called); never rejects. */
  handle = (request: GatewayRequest): StageAnswer => {
    const size = this.#deps.api.minimumCompressionSize;
    if (size === undefined) return this.#answer(request);
    const answer = this.#answer(request);
    return answer instanceof Promise
      ? answer.then((response) => compressResponse(response, request, size))
      : compressResponse(answer, request, size);
  };

  #answer(request: GatewayRequest): StageAnswer {
    const { api, logger } = this.#deps;
    const requestId = newRequestId();
    const extendedRequestId = newExtendedRequestId();
    if (request.refusal)
      return refusedRequestResponse(api, { request, requestId, extendedRequestId }, logger);
    const routing = this.#routing.get(request.path, this.#routePath);
    const stage = routing.stage;
    const route = stage && routing.route(request.method);
    if (!stage || !route) {
      return gatewayErrorResponse(
        api,
        'MISSING_AUTHENTICATION_TOKEN',
        { request, requestId, extendedRequestId },
        logger,
      );
    }
    const state = new RequestState(this.#deps, request, requestId, extendedRequestId, stage, route);
    const refused = runMethodRequest(state, this.#checks);
    if (refused instanceof Promise) return refused.then((answer) => answer ?? integrate(state));
    return refused ?? integrate(state);
  }
}

/** From the integration request on: the integration, then its response. */
function integrate(state: RequestState): StageAnswer {
  const integration = state.route.method.integration;
  if (integration.type === 'MOCK') {
    const answer = staticMockResponse(state, integration);
    if (answer) return answer;
  }
  if (integration.type === 'AWS_PROXY') return lambdaProxyIntegration(state, integration);
  if (integration.type === 'HTTP_PROXY') return httpProxyIntegration(state, integration);
  const mapped = integrationRequest(state, integration);
  if ('status' in mapped) return mapped;
  const respond = (result: IntegrationResult | GatewayResponse): GatewayResponse =>
    'status' in result ? result : integrationResponse(state, integration, result, mapped.overrides);
  if (integration.type === 'MOCK') return respond(mockIntegration(state, mapped.body));
  return callBackend(state, integration, mapped.body, mapped.overrides).then(respond);
}

function callBackend(
  state: RequestState,
  integration: RestIntegration,
  body: string,
  overrides: Parameters<typeof awsServiceIntegration>[4],
): Promise<IntegrationResult | GatewayResponse> {
  if (integration.http) return httpIntegration(state, integration, integration.http, body, overrides);
  return integration.service
    ? awsServiceIntegration(state, integration, integration.service, body, overrides)
    : lambdaCustomIntegration(state, integration, body);
}
