import type { InvocationOutcome } from '../lambda/execution-environment.js';
import type { LambdaRuntime } from '../lambda/lambda-runtime.js';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import { headerValue } from '../server/gateway-request.js';
import { newExtendedRequestId, newRequestId, newTraceId } from '../server/request-ids.js';
import type { ServiceBackends } from '../services/service-backends.js';
import type { MappingOverrides } from '../vtl/index.js';
import { type ErrorVariant, gatewayErrorResponse } from './gateway-error.js';
import { chooseRequestTemplate, type MappingRequest, renderMapping, selectTemplate } from './mapping.js';
import { parseMockStatusCode } from './mock-status-code.js';
import { restProxyEvent } from './proxy-event.js';
import { proxyAnswer } from './proxy-response.js';
import { restRequestContext } from './request-context.js';
import { type RequestParameterTarget, resolveRequestParameter } from './request-parameter.js';
import { resolveResponseParameter } from './resolve-response-parameter.js';
import type {
  RestApiModel,
  RestIntegration,
  RestIntegrationResponse,
  RestServiceIntegration,
  RestStage,
} from './rest-api-model.js';
import { matchRestRoute, type RestRoute, splitStagePath } from './rest-router.js';
import { buildServiceRequest } from './service-request.js';

/** How API Gateway answers when a Lambda proxy integration fails or returns a malformed result. */
const PROXY_FAILURE: ErrorVariant = {
  status: 502,
  errorType: 'InternalServerErrorException',
  body: '{"message": "Internal server error"}',
};

/** One request on its way through the pipeline. */
class RequestState {
  #context: Record<string, unknown> | undefined;

  constructor(
    readonly api: RestApiModel,
    readonly request: GatewayRequest,
    readonly requestId: string,
    readonly extendedRequestId: string,
    readonly stage: RestStage,
    readonly route: RestRoute,
  ) {}

  /** `$context` and the proxy event's `requestContext`, built on first use (a static MOCK never needs it). */
  get context(): Record<string, unknown> {
    this.#context ??= restRequestContext(
      this.api,
      this.stage,
      this.route,
      this.request,
      this,
    ) as unknown as Record<string, unknown>;
    return this.#context;
  }
}

/** What a non-proxy integration answered, before integration responses apply. */
interface IntegrationResult {
  /**
   * Matched against `selectionPattern`: the status code (MOCK, AWS services) or the Lambda `errorMessage`.
   */
  readonly selector: string;
  readonly body: string;
  /** The integration's response headers (an AWS service's), for `integration.response.header.X`. */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
}

/**
 * Serves one REST API: stage and route matching, then the integration — `MOCK`, `AWS_PROXY` (Lambda,
 * payload 1.0), `AWS` with mapping templates to Lambda, or `AWS` to a service action (DynamoDB, Kinesis)
 * — and the method response, answering errors with the API's gateway responses.
 */
export class RestApiPipeline {
  readonly #api: RestApiModel;
  readonly #runtime: LambdaRuntime;
  readonly #logger: GatewayLogger;
  readonly #services: ServiceBackends | undefined;

  /**
   * @param services - where `AWS` service integrations send their requests; without it they answer 500
   */
  constructor(api: RestApiModel, runtime: LambdaRuntime, logger: GatewayLogger, services?: ServiceBackends) {
    this.#api = api;
    this.#runtime = runtime;
    this.#logger = logger;
    this.#services = services;
  }

  /** Answers one request (at once when no backend is called); never rejects. */
  handle = (request: GatewayRequest): GatewayResponse | Promise<GatewayResponse> => {
    const requestId = newRequestId();
    const extendedRequestId = newExtendedRequestId();
    const { stage: stageName, segments } = splitStagePath(request.path);
    const stage = this.#api.stages.get(stageName);
    const route = stage && matchRestRoute(this.#api.root, segments, request.method);
    if (!stage || !route) {
      return gatewayErrorResponse(
        this.#api,
        'MISSING_AUTHENTICATION_TOKEN',
        { request, requestId, extendedRequestId },
        this.#logger,
      );
    }
    const state = new RequestState(this.#api, request, requestId, extendedRequestId, stage, route);
    const integration = route.method.integration;
    if (integration.type === 'AWS_PROXY') return this.#lambdaProxy(state, integration);
    return this.#nonProxy(state, integration);
  };

  #error(state: RequestState, responseType: string, variant?: ErrorVariant): GatewayResponse {
    const error = {
      request: state.request,
      requestId: state.requestId,
      extendedRequestId: state.extendedRequestId,
      context: state.context,
      stageVariables: state.stage.variables,
    };
    return gatewayErrorResponse(this.#api, responseType, error, this.#logger, variant);
  }

  async #invoke(
    state: RequestState,
    integration: RestIntegration,
    event: unknown,
  ): Promise<InvocationOutcome | 'integration-timeout'> {
    const lambda = integration.lambda!;
    const invocation = this.#runtime.invoke(lambda, state.requestId, event);
    if (integration.timeoutMs >= lambda.timeoutSeconds * 1000) return invocation;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'integration-timeout'>((resolve) => {
      timer = setTimeout(() => resolve('integration-timeout'), integration.timeoutMs);
    });
    try {
      return await Promise.race([invocation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #lambdaProxy(state: RequestState, integration: RestIntegration): Promise<GatewayResponse> {
    const event = restProxyEvent(this.#api, state.stage, state.route, state.request, state.context as never);
    const outcome = await this.#invoke(state, integration, event);
    if (outcome === 'integration-timeout') return this.#error(state, 'INTEGRATION_TIMEOUT');
    const lambdaId = integration.lambda!.logicalId;
    const answer =
      outcome.kind === 'success'
        ? proxyAnswer(
            outcome.payload,
            headerValue(state.request.rawHeaders, 'accept'),
            this.#api.binaryMediaTypes,
          )
        : undefined;
    if (!answer) {
      const reason =
        outcome.kind === 'success'
          ? `Execution failed due to configuration error: Malformed Lambda proxy response: ${outcome.payload.slice(0, 200)}`
          : `Lambda execution failed with status 200 due to customer function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`;
      this.#logger.error(`${state.requestId} ${lambdaId} ${reason}`);
      const response = this.#error(state, 'DEFAULT_5XX', PROXY_FAILURE);
      return { ...response, integration: `AWS_PROXY ${lambdaId}` };
    }
    const headers = answer.headers;
    headers.push(
      ['x-amzn-RequestId', state.requestId],
      ['x-amz-apigw-id', state.extendedRequestId],
      ['X-Amzn-Trace-Id', newTraceId(state.request.receivedAt)],
    );
    return { status: answer.status, headers, body: answer.body, integration: `AWS_PROXY ${lambdaId}` };
  }

  #nonProxy(state: RequestState, integration: RestIntegration): GatewayResponse | Promise<GatewayResponse> {
    const { request } = state;
    const choice = chooseRequestTemplate(
      integration.requestTemplates,
      headerValue(request.rawHeaders, 'content-type'),
      integration.passthroughBehavior,
    );
    if (choice.kind === 'unsupported-media-type') return this.#error(state, 'UNSUPPORTED_MEDIA_TYPE');
    const rawBody = request.body.toString('utf8');
    let integrationRequestBody = rawBody;
    let overrides: MappingOverrides | undefined;
    if (choice.kind === 'template') {
      try {
        const rendered = renderMapping(choice.template, this.#mappingInput(state, rawBody, undefined));
        integrationRequestBody = rendered.output;
        overrides = rendered.overrides;
        this.#logger.debug(`${state.requestId} request template output: ${integrationRequestBody}`);
      } catch (error) {
        this.#logger.error(
          `${state.requestId} Execution failed due to configuration error: Unable to transform request: ${(error as Error).message}`,
        );
        return this.#error(state, 'API_CONFIGURATION_ERROR');
      }
    }

    if (integration.type === 'MOCK') {
      const statusCode = parseMockStatusCode(integrationRequestBody);
      if (statusCode === undefined) {
        this.#logger.error(
          `${state.requestId} Execution failed due to configuration error: the MOCK request template gave no statusCode: ${integrationRequestBody.slice(0, 200)}`,
        );
        return this.#error(state, 'API_CONFIGURATION_ERROR');
      }
      return this.#integrationResponse(
        state,
        integration,
        { selector: String(statusCode), body: '' },
        overrides,
      );
    }
    const invocation = integration.service
      ? this.#callService(state, integration, integration.service, integrationRequestBody, overrides)
      : this.#invokeCustom(state, integration, integrationRequestBody);
    return invocation.then((invoked) =>
      'status' in invoked ? invoked : this.#integrationResponse(state, integration, invoked, overrides),
    );
  }

  /**
   * Sends the integration request to the AWS service: the rendered template as the body of the service's
   * protocol request, with the mapped `RequestParameters` and the request template's overrides. The
   * service's status code is what integration responses are selected by.
   */
  async #callService(
    state: RequestState,
    integration: RestIntegration,
    target: RestServiceIntegration,
    body: string,
    overrides: MappingOverrides | undefined,
  ): Promise<IntegrationResult | GatewayResponse> {
    const fail = (reason: string) => {
      this.#logger.error(`${state.requestId} Execution failed due to configuration error: ${reason}`);
      return this.#error(state, 'API_CONFIGURATION_ERROR');
    };
    if (!this.#services) return fail(`no backend serves ${target.label}`);
    if (!target.credentials) {
      return fail(
        `${target.label} has no Credentials, so API Gateway has no role to call ${target.service} with`,
      );
    }
    const mapped: Array<readonly [RequestParameterTarget, string]> = [];
    for (const [where, source] of target.requestParameters) {
      const value = resolveRequestParameter(source, {
        request: state.request,
        pathParameters: state.route.pathParameters,
        get context() {
          return state.context;
        },
        stageVariables: state.stage.variables,
      });
      if (value !== undefined) mapped.push([where, value]);
    }
    const built = buildServiceRequest(target, body, mapped, overrides?.requestOverride);
    if (typeof built === 'string') return fail(built);
    const outcome = await this.#services.send({
      ...built,
      service: target.service,
      region: target.uri.region || this.#api.region,
      timeoutMs: integration.timeoutMs,
      requestId: state.requestId,
    });
    if (outcome.kind === 'timeout') {
      this.#logger.error(
        `${state.requestId} ${target.label} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
      );
      return this.#error(state, 'INTEGRATION_TIMEOUT');
    }
    if (outcome.kind === 'unreachable') return fail(`${target.label} cannot be reached: ${outcome.reason}`);
    if (outcome.status >= 400) {
      this.#logger.info(
        `${state.requestId} ${target.label} answered ${outcome.status}: ${outcome.body.slice(0, 300)}`,
      );
    }
    return { selector: String(outcome.status), body: outcome.body, headers: outcome.headers };
  }

  #integrationResponse(
    state: RequestState,
    integration: RestIntegration,
    result: IntegrationResult,
    overrides: MappingOverrides | undefined,
  ): GatewayResponse {
    const selected = selectIntegrationResponse(integration.integrationResponses, result.selector);
    if (!selected) {
      this.#logger.error(
        `${state.requestId} Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${result.selector}`,
      );
      return this.#error(state, 'API_CONFIGURATION_ERROR');
    }
    return this.#methodResponse(state, integration, selected, result, overrides);
  }

  async #invokeCustom(
    state: RequestState,
    integration: RestIntegration,
    payload: string,
  ): Promise<IntegrationResult | GatewayResponse> {
    let event: unknown;
    try {
      event = payload.trim() === '' ? {} : JSON.parse(payload);
    } catch {
      this.#logger.error(
        `${state.requestId} Execution failed: the integration request body is not JSON, so Lambda refuses it: ${payload.slice(0, 200)}`,
      );
      return this.#error(state, 'DEFAULT_5XX');
    }
    const outcome = await this.#invoke(state, integration, event);
    if (outcome === 'integration-timeout') return this.#error(state, 'INTEGRATION_TIMEOUT');
    if (outcome.kind === 'success') return { selector: '', body: outcome.payload };
    this.#logger.error(
      `${state.requestId} ${integration.lambda!.logicalId} function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    );
    const body = JSON.stringify({
      errorMessage: outcome.error.errorMessage,
      errorType: outcome.error.errorType,
      requestId: state.requestId,
      stackTrace: outcome.error.trace ?? [],
    });
    return { selector: outcome.error.errorMessage, body };
  }

  #mappingInput(state: RequestState, body: string, overrides: MappingOverrides | undefined): MappingRequest {
    return {
      request: state.request,
      body,
      pathParameters: state.route.pathParameters,
      get context() {
        return state.context;
      },
      stageVariables: state.stage.variables,
      overrides,
    };
  }

  #methodResponse(
    state: RequestState,
    integration: RestIntegration,
    selected: RestIntegrationResponse,
    result: IntegrationResult,
    requestOverrides: MappingOverrides | undefined,
  ): GatewayResponse {
    const mapped: Array<[string, string]> = [];
    for (const [name, source] of selected.responseParameters) {
      const value = resolveResponseParameter(
        source,
        state,
        state.stage.variables,
        result.body,
        result.headers,
      );
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
        const rendered = renderMapping(template, this.#mappingInput(state, result.body, overrides));
        body = rendered.output;
        overrides = rendered.overrides;
        this.#logger.debug(`${state.requestId} response template output: ${body}`);
      } catch (error) {
        this.#logger.error(
          `${state.requestId} Execution failed due to configuration error: Unable to transform response: ${(error as Error).message}`,
        );
        return this.#error(state, 'API_CONFIGURATION_ERROR');
      }
    }
    const status = overrides?.responseOverride.status ?? Number(selected.statusCode);
    const overrideHeaders = overrides ? Object.entries(overrides.responseOverride.header) : [];
    const headers: Array<[string, string]> = [];
    const isSet = (lower: string) =>
      mapped.some(([n]) => n.toLowerCase() === lower) ||
      overrideHeaders.some(([n]) => n.toLowerCase() === lower);
    if (status !== 204 && !isSet('content-type')) headers.push(['Content-Type', 'application/json']);
    headers.push(['x-amzn-RequestId', state.requestId]);
    for (const [name, value] of mapped) {
      if (!overrideHeaders.some(([n]) => n.toLowerCase() === name.toLowerCase())) headers.push([name, value]);
    }
    for (const [name, value] of overrideHeaders) headers.push([name, String(value)]);
    headers.push(['x-amz-apigw-id', state.extendedRequestId]);
    if (integration.type !== 'MOCK') headers.push(['X-Amzn-Trace-Id', newTraceId(state.request.receivedAt)]);
    const label =
      integration.type === 'MOCK'
        ? 'MOCK'
        : `AWS ${integration.service ? integration.service.label : integration.lambda!.logicalId}`;
    return { status, headers, body, integration: label };
  }
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
