import { HttpBackends } from '../http-backends/http-backends.js';
import type { LambdaRuntime } from '../lambda/lambda-runtime.js';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import { PathMemo } from '../server/path-memo.js';
import { newExtendedRequestId, newTraceId } from '../server/request-ids.js';
import type { ServiceBackends } from '../services/service-backends.js';
import type { HttpCorsPolicy } from './cors-policy.js';
import type { HttpEventInput } from './event-input.js';
import type { HttpApiModel } from './http-api-model.js';
import { authorizeHttpRoute } from './http-authorize.js';
import { contextAuthorizer, type HttpAuthorizerResult } from './http-authorizer-result.js';
import { httpContextVariables } from './http-context-variables.js';
import { httpErrorResponse, notFound, TOO_MANY_REQUESTS_BODY } from './http-error-response.js';
import { httpProxyCall } from './http-proxy-call.js';
import { type HttpRouteMatch, HttpRouter } from './http-router.js';
import { lambdaProxyCall } from './lambda-proxy-call.js';
import { PathRouting } from './path-routing.js';
import { refusedHttpRequest } from './refused-request.js';
import { HttpRouteThrottles } from './route-throttling.js';
import type { RoutedHttpCall } from './routed-call.js';
import { serviceIntegrationCall } from './service-integration-call.js';
import { type StageMatch, StageResolver } from './stage-resolver.js';

export {
  INTERNAL_SERVER_ERROR_BODY,
  NOT_FOUND_BODY,
  SERVICE_UNAVAILABLE_BODY,
} from './http-error-response.js';

/** The request headers that make a preflight, found in one pass over the raw headers. */
interface CorsRequestHeaders {
  origin: string | undefined;
  requestMethod: string | undefined;
}

/**
 * Serves one HTTP API: stage and route selection, API Gateway's own answer to CORS preflights, the Lambda
 * proxy integration (payload format 1.0 or 2.0) and first-class AWS service integrations
 * (`IntegrationSubtype`), and the CORS headers of the configuration on what the backend returns.
 *
 * With a `CorsConfiguration`:
 * - an `OPTIONS` request with `Origin` and `Access-Control-Request-Method` is a preflight: the gateway
 *   answers it with 204 and no body and no integration runs — but when the route it matches (`OPTIONS`,
 *   `ANY`, greedy, `$default`) has an authorizer, that authorizer runs first and its refusal is the answer;
 * - any other `OPTIONS` request goes to its route; without one it gets a bare 204 (no CORS header);
 * - every response to a routed request loses the `access-control-*` headers the function set, and gets the
 *   configuration's when the request's `Origin` is allowed. The 404 of an unmatched request gets none.
 *
 * A route's JWT or Lambda authorizer (`http-authorize.ts`) runs before its integration; its refusals
 * (401, 403, 500) carry the actual-response CORS headers. Every response carries `apigw-requestid`; header
 * names are lower case.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export class HttpApiPipeline {
  readonly #api: HttpApiModel;
  readonly #runtime: LambdaRuntime;
  readonly #logger: GatewayLogger;
  readonly #stages: StageResolver;
  readonly #router: HttpRouter;
  readonly #throttles: HttpRouteThrottles;
  readonly #cors: HttpCorsPolicy | undefined;
  readonly #services: ServiceBackends | undefined;
  readonly #http: HttpBackends;
  /** The stage and routes of the paths seen so far: they depend on the path and the method alone. */
  readonly #routing = new PathMemo<PathRouting | undefined>();
  readonly #routePath = (path: string): PathRouting | undefined => {
    const stageMatch = this.#stages.resolve(path);
    return stageMatch && new PathRouting(stageMatch, this.#router);
  };

  /**
   * @param services - where first-class integrations send their requests; without it they answer 500
   * @param http - where `HTTP_PROXY` integrations send theirs; by default to their URIs as written
   */
  constructor(
    api: HttpApiModel,
    runtime: LambdaRuntime,
    logger: GatewayLogger,
    services?: ServiceBackends,
    http: HttpBackends = new HttpBackends(),
  ) {
    this.#http = http;
    this.#api = api;
    this.#runtime = runtime;
    this.#logger = logger;
    this.#services = services;
    this.#stages = new StageResolver(api.stages);
    this.#router = new HttpRouter(api.routes);
    this.#cors = api.cors;
    this.#throttles = new HttpRouteThrottles();
    for (const warning of api.warnings) logger.info(`${api.stackName}/${api.logicalId}: ${warning}`);
  }

  /**
   * Answers one request; never rejects. Stays synchronous until a route's authorizer or integration has to
   * be waited for, so a preflight or a 404 costs no promise.
   */
  handle = (request: GatewayRequest): GatewayResponse | Promise<GatewayResponse> => {
    const requestId = newExtendedRequestId();
    if (request.refusal) return refusedHttpRequest(request.refusal, requestId);
    const routing = this.#routing.get(request.path, this.#routePath);
    if (!routing) return notFound(requestId);
    const stageMatch = routing.stageMatch;
    const corsHeaders = this.#cors ? findCorsRequestHeaders(request.rawHeaders) : undefined;
    const match = routing.match(request.method);
    // The route an OPTIONS request matches runs its authorizer before the preflight is answered.
    if (match?.route.authorization) {
      return this.#authorize(request, requestId, stageMatch, match, corsHeaders?.origin).then((outcome) =>
        'status' in outcome
          ? outcome
          : this.#authorized(request, requestId, stageMatch, match, corsHeaders, outcome),
      );
    }
    return this.#authorized(request, requestId, stageMatch, match, corsHeaders, undefined);
  };

  /** The answer once the route's authorizer, if any, has let the request through. */
  #authorized(
    request: GatewayRequest,
    requestId: string,
    stageMatch: StageMatch,
    match: HttpRouteMatch | undefined,
    corsHeaders: CorsRequestHeaders | undefined,
    authorized: HttpAuthorizerResult | undefined,
  ): GatewayResponse | Promise<GatewayResponse> {
    const cors = this.#cors;
    if (
      cors &&
      corsHeaders &&
      request.method === 'OPTIONS' &&
      corsHeaders.origin !== undefined &&
      corsHeaders.requestMethod !== undefined
    ) {
      const headers = cors.preflight(corsHeaders.origin);
      headers.push(['apigw-requestid', requestId]);
      return { status: 204, headers, body: '', integration: 'CORS preflight' };
    }
    if (!match) {
      if (cors && request.method === 'OPTIONS') {
        return { status: 204, headers: [['apigw-requestid', requestId]], body: '', integration: 'CORS' };
      }
      return notFound(requestId);
    }
    const stage = stageMatch.stage;
    if (!this.#throttles.take(stage.name, stage.throttling, match.route.key.text)) {
      this.#logger.info(`${requestId} throttled: route ${match.route.key.text} on stage ${stage.name}`);
      return this.#error(429, TOO_MANY_REQUESTS_BODY, requestId, corsHeaders?.origin, 'throttled');
    }
    return this.#invoke(request, requestId, stageMatch, match, corsHeaders?.origin, authorized);
  }

  /** Runs the route's authorizer; its refusal is answered with the CORS headers of an actual response. */
  async #authorize(
    request: GatewayRequest,
    requestId: string,
    stageMatch: StageMatch,
    match: HttpRouteMatch,
    origin: string | undefined,
  ): Promise<HttpAuthorizerResult | GatewayResponse> {
    const authorization = match.route.authorization!;
    const event: HttpEventInput = {
      api: this.#api,
      stage: stageMatch.stage,
      match,
      request,
      requestId,
      traceId: newTraceId(request.receivedAt),
    };
    const outcome = await authorizeHttpRoute(
      { event, runtime: this.#runtime, logger: this.#logger },
      authorization,
    );
    if (!('status' in outcome)) return outcome;
    const label = `authorizer ${authorization.authorizer.logicalId}`;
    return this.#error(outcome.status, outcome.body, requestId, origin, label, outcome.headers);
  }

  #invoke(
    request: GatewayRequest,
    requestId: string,
    stageMatch: StageMatch,
    match: HttpRouteMatch,
    origin: string | undefined,
    authorized?: HttpAuthorizerResult,
  ): Promise<GatewayResponse> {
    const integration = match.route.integration;
    const [api, cors, logger] = [this.#api, this.#cors, this.#logger];
    const call: RoutedHttpCall = {
      api,
      request,
      requestId,
      stageMatch,
      match,
      origin,
      authorized,
      cors,
      logger,
    };
    if (integration.kind === 'service') return serviceIntegrationCall(call, integration, this.#services);
    if (integration.kind === 'lambda') return lambdaProxyCall(call, integration, this.#runtime);
    const context = () => ({
      ...httpContextVariables(api, stageMatch, match, request, requestId),
      ...(authorized ? { authorizer: contextAuthorizer(authorized) } : {}),
    });
    const backends = this.#http;
    return httpProxyCall({
      integration,
      request,
      requestId,
      stageMatch,
      match,
      origin,
      cors,
      backends,
      logger,
      context,
    });
  }

  #error(
    status: number,
    body: string,
    requestId: string,
    origin: string | undefined,
    label: string,
    extraHeaders: ReadonlyArray<[string, string]> = [],
  ): GatewayResponse {
    return httpErrorResponse(this.#cors, { status, body, requestId, origin, label, extraHeaders });
  }
}

function findCorsRequestHeaders(raw: readonly string[]): CorsRequestHeaders {
  const found: CorsRequestHeaders = { origin: undefined, requestMethod: undefined };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // Cheap length checks first: most headers are neither.
    if (name.length === 6) {
      if (found.origin === undefined && name.toLowerCase() === 'origin') found.origin = raw[i + 1];
    } else if (name.length === 29) {
      if (found.requestMethod === undefined && name.toLowerCase() === 'access-control-request-method') {
        found.requestMethod = raw[i + 1];
      }
    }
  }
  return found;
}
