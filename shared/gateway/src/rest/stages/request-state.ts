import type { HttpBackends } from '../../http-backends/http-backends.js';
import type { LambdaRuntime } from '../../lambda/lambda-runtime.js';
import type { GatewayLogger } from '../../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../../server/gateway-request.js';
import { headerValue } from '../../server/gateway-request.js';
import type { ServiceBackends } from '../../services/service-backends.js';
import type { MappingOverrides } from '../../vtl/index.js';
import { type ErrorVariant, gatewayErrorResponse } from '../gateway-error.js';
import type { MappingRequest } from '../mapping.js';
import { methodRequestHeaders } from '../method-request-headers.js';
import { restRequestContext } from '../request-context.js';
import type { RequestParameterInput } from '../request-parameter.js';
import type { RestApiModel, RestStage } from '../rest-api-model.js';
import type { RestRoute } from '../rest-router.js';
import { propagatedTraceHeader } from '../trace-header.js';
import type { ApiKeyEntry } from '../usage-plan-model.js';

/** What every stage of one REST API's pipeline shares: the API and the backends it calls. */
export interface RestPipelineDeps {
  readonly api: RestApiModel;
  readonly runtime: LambdaRuntime;
  readonly logger: GatewayLogger;
  /** Where `AWS` service integrations send their requests; without it they answer 500. */
  readonly services: ServiceBackends | undefined;
  /** Where `HTTP` and `HTTP_PROXY` integrations send their requests. */
  readonly http?: HttpBackends;
}

/**
 * One request on its way through the REST pipeline, from the method request to the method response: the
 * routed request, its IDs, and `$context` (built on first use, since a static MOCK never needs it).
 */
export class RequestState {
  #context: Record<string, unknown> | undefined;
  #traceHeader: string | undefined;
  #headers: Array<readonly [string, string]> | undefined;
  #authorizer: Readonly<Record<string, unknown>> | undefined;

  #apiKey: ApiKeyEntry | undefined;

  /** The `usageIdentifierKey` a Lambda authorizer returned, for an API whose key source is `AUTHORIZER`. */
  usageIdentifierKey: string | undefined;

  constructor(
    readonly deps: RestPipelineDeps,
    readonly request: GatewayRequest,
    readonly requestId: string,
    readonly extendedRequestId: string,
    readonly stage: RestStage,
    readonly route: RestRoute,
  ) {}

  get api(): RestApiModel {
    return this.deps.api;
  }

  get logger(): GatewayLogger {
    return this.deps.logger;
  }

  /** `$context` and the proxy event's `requestContext`. */
  get context(): Record<string, unknown> {
    this.#context ??= restRequestContext(
      this.deps.api,
      this.stage,
      this.route,
      this.request,
      this,
      this.#authorizer,
    ) as unknown as Record<string, unknown>;
    return this.#context;
  }

  /** This request's `X-Amzn-Trace-Id`: the client's, completed, or a new one (see `propagatedTraceHeader`). */
  get traceHeader(): string {
    this.#traceHeader ??= propagatedTraceHeader(
      headerValue(this.request.rawHeaders, 'x-amzn-trace-id'),
      this.request.receivedAt,
    );
    return this.#traceHeader;
  }

  /** The request headers as the integration sees them (see `methodRequestHeaders`). */
  get headers(): ReadonlyArray<readonly [string, string]> {
    this.#headers ??= methodRequestHeaders(this.request, this.traceHeader);
    return this.#headers;
  }

  /** What request parameter mappings read of this request. */
  parameterInput(): RequestParameterInput {
    return new StateParameterInput(this);
  }

  /**
   * Records what the method's authorizer passes on (`$context.authorizer`, `requestContext.authorizer`) once
   * it lets the request through.
   */
  authorize(authorizer: Readonly<Record<string, unknown>>): void {
    this.#authorizer = authorizer;
    this.#context = undefined;
  }

  /** The API key the method request accepted, once it has: `$context.identity.apiKey` and `apiKeyId`. */
  get apiKey(): ApiKeyEntry | undefined {
    return this.#apiKey;
  }

  /** Records the API key the method request accepted; `$context` is built anew to show it. */
  acceptApiKey(key: ApiKeyEntry): void {
    this.#apiKey = key;
    this.#context = undefined;
  }

  /**
   * Ends the request with the API's gateway response of `responseType` (customised or AWS's default).
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
   */
  fail(responseType: string, variant?: ErrorVariant): GatewayResponse {
    const error = {
      request: this.request,
      requestId: this.requestId,
      extendedRequestId: this.extendedRequestId,
      context: this.context,
      stageVariables: this.stage.variables,
    };
    return gatewayErrorResponse(this.deps.api, responseType, error, this.deps.logger, variant);
  }

  /** Logs `reason` as API Gateway's execution log would, then fails with `API_CONFIGURATION_ERROR`. */
  failConfiguration(reason: string): GatewayResponse {
    this.deps.logger.error(`${this.requestId} Execution failed due to configuration error: ${reason}`);
    return this.fail('API_CONFIGURATION_ERROR');
  }

  /** What a mapping template sees of this request, with `body` as `$input.body`. */
  mappingInput(body: string, overrides: MappingOverrides | undefined): MappingRequest {
    return new StateMappingRequest(this, body, overrides);
  }
}

/**
 * What request parameter mappings read of a request state: `$context` and the headers are built only when
 * a mapping asks (a class, so that the lazy getters live on the prototype instead of on every request's
 * object).
 */
class StateParameterInput implements RequestParameterInput {
  readonly #state: RequestState;
  readonly request: GatewayRequest;
  readonly pathParameters: Readonly<Record<string, string>> | null;
  readonly stageVariables: Readonly<Record<string, string>> | null;

  constructor(state: RequestState) {
    this.#state = state;
    this.request = state.request;
    this.pathParameters = state.route.pathParameters;
    this.stageVariables = state.stage.variables;
  }

  get context(): Record<string, unknown> {
    return this.#state.context;
  }

  get headers(): ReadonlyArray<readonly [string, string]> {
    return this.#state.headers;
  }
}

/** What a mapping template sees of a request state: its parameters, and the body and overrides so far. */
class StateMappingRequest extends StateParameterInput implements MappingRequest {
  constructor(
    state: RequestState,
    readonly body: string,
    readonly overrides: MappingOverrides | undefined,
  ) {
    super(state);
  }
}

/** A stage's answer: the gateway's final response, now or later. */
export type StageAnswer = GatewayResponse | Promise<GatewayResponse>;
