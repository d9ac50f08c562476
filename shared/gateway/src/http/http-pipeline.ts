import { HttpBackends } from '../http-backends/http-backends.js';
import type { InvocationOutcome } from '../lambda/execution-environment.js';
import type { LambdaRuntime } from '../lambda/lambda-runtime.js';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import { clfTime } from '../rest/request-context.js';
import { type GatewayRequest, type GatewayResponse, headerValue } from '../server/gateway-request.js';
import { PathMemo } from '../server/path-memo.js';
import { newExtendedRequestId, newTraceId } from '../server/request-ids.js';
import type { ServiceBackends } from '../services/service-backends.js';
import type { HttpCorsPolicy } from './cors-policy.js';
import { clientAddress, domainPrefixOf, type HttpEventInput, hostOf } from './event-input.js';
import type { HttpAnswer, MalformedResult } from './http-answer.js';
import type { HttpApiModel, HttpLambdaProxyIntegration, HttpServiceIntegration } from './http-api-model.js';
import { authorizeHttpRoute } from './http-authorize.js';
import { contextAuthorizer, eventAuthorizer, type HttpAuthorizerResult } from './http-authorizer-result.js';
import { httpProxyCall } from './http-proxy-call.js';
import { type HttpRouteMatch, HttpRouter } from './http-router.js';
import { PathRouting } from './path-routing.js';
import { httpProxyEventV1 } from './payload-v1-event.js';
import { interpretResultV1 } from './payload-v1-response.js';
import { httpProxyEventV2 } from './payload-v2-event.js';
import { interpretResultV2 } from './payload-v2-response.js';
import { REQUEST_ENTITY_TOO_LARGE_BODY, refusedHttpRequest } from './refused-request.js';
import { HttpRouteThrottles } from './route-throttling.js';
import { serviceCall } from './service-call.js';
import { type StageMatch, StageResolver } from './stage-resolver.js';

/** The body of API Gateway's answer when no stage or route matches. */
export const NOT_FOUND_BODY = '{"message":"Not Found"}';
/** The body of API Gateway's answer when the function fails or returns something it cannot read. */
export const INTERNAL_SERVER_ERROR_BODY = '{"message":"Internal Server Error"}';
/** The body of API Gateway's answer when the integration does not answer within its timeout. */
export const SERVICE_UNAVAILABLE_BODY = '{"message":"Service Unavailable"}';
/** The body of API Gateway's answer to a throttled request. */
const TOO_MANY_REQUESTS_BODY = '{"message":"Too Many Requests"}';

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

  async #invoke(
    request: GatewayRequest,
    requestId: string,
    stageMatch: StageMatch,
    match: HttpRouteMatch,
    origin: string | undefined,
    authorized?: HttpAuthorizerResult,
  ): Promise<GatewayResponse> {
    const integration = match.route.integration;
    if (integration.kind === 'service') {
      return this.#callService(integration, request, requestId, stageMatch, match, origin, authorized);
    }
    if (integration.kind === 'http') {
      const context = () => ({
        ...httpContextVariables(this.#api, stageMatch, match, request, requestId),
        ...(authorized ? { authorizer: contextAuthorizer(authorized) } : {}),
      });
      const [cors, backends, logger] = [this.#cors, this.#http, this.#logger];
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
    const label = `AWS_PROXY ${integration.lambda.logicalId}`;
    const input: HttpEventInput = {
      api: this.#api,
      stage: stageMatch.stage,
      match,
      request,
      requestId,
      traceId: newTraceId(request.receivedAt),
      ...(authorized ? { authorizer: eventAuthorizer(authorized, integration.payloadFormatVersion) } : {}),
    };
    const isV2 = integration.payloadFormatVersion === '2.0';
    const event = isV2 ? httpProxyEventV2(input) : httpProxyEventV1(input);
    const outcome = await this.#call(integration, requestId, event);
    if (outcome === 'integration-timeout') {
      this.#logger.error(
        `${requestId} ${integration.lambda.logicalId} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
      );
      return this.#error(503, SERVICE_UNAVAILABLE_BODY, requestId, origin, label);
    }
    if (outcome.kind === 'payload-too-large') {
      return this.#error(413, REQUEST_ENTITY_TOO_LARGE_BODY, requestId, origin, label);
    }
    if (outcome.kind !== 'success') {
      this.#logger.error(
        `${requestId} ${integration.lambda.logicalId} failed (${outcome.kind}): ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
      );
      return this.#error(500, INTERNAL_SERVER_ERROR_BODY, requestId, origin, label);
    }
    const answer: HttpAnswer | MalformedResult = isV2
      ? interpretResultV2(outcome.payload)
      : interpretResultV1(outcome.payload);
    if ('malformed' in answer) {
      this.#logger.error(
        `${requestId} ${integration.lambda.logicalId} returned a malformed result for payload format ${integration.payloadFormatVersion}: ${answer.reason}`,
      );
      return this.#error(500, INTERNAL_SERVER_ERROR_BODY, requestId, origin, label);
    }
    if (this.#logger.verbose)
      this.#logger.debug(`${requestId} function headers: ${JSON.stringify(answer.headers)}`);
    const headers = this.#cors
      ? answer.headers.filter(([name]) => !name.startsWith('access-control-'))
      : answer.headers;
    if (this.#cors) headers.push(...this.#cors.actual(origin));
    headers.push(['apigw-requestid', requestId]);
    const fallback = () => this.#error(500, INTERNAL_SERVER_ERROR_BODY, requestId, origin, label);
    return { status: answer.status, headers, body: answer.body, integration: label, fallback };
  }

  /**
   * Calls the AWS service action of a first-class integration with the parameters its `RequestParameters`
   * map from the request, and answers with the service's status and body **[choice]** — AWS documents no
   * response shape for these integrations. The service's `content-type` is kept; its other headers are not
   * passed on. A service that cannot be reached gives `500`, one that does not answer in time `503`, as a
   * failing Lambda function does.
   */
  async #callService(
    integration: HttpServiceIntegration,
    request: GatewayRequest,
    requestId: string,
    stageMatch: StageMatch,
    match: HttpRouteMatch,
    origin: string | undefined,
    authorized: HttpAuthorizerResult | undefined,
  ): Promise<GatewayResponse> {
    const label = `AWS_PROXY ${integration.subtype.subtype}`;
    const fail = (reason: string) => {
      this.#logger.error(`${requestId} ${integration.logicalId} ${integration.subtype.subtype}: ${reason}`);
      return this.#error(500, INTERNAL_SERVER_ERROR_BODY, requestId, origin, label);
    };
    if (!this.#services) return fail('no backend serves AWS service integrations');
    if (!integration.credentials) {
      return fail(
        'the integration has no CredentialsArn, so API Gateway has no role to call the service with',
      );
    }
    const call = serviceCall(integration, {
      request,
      pathParameters: match.pathParameters,
      context: {
        ...httpContextVariables(this.#api, stageMatch, match, request, requestId),
        ...(authorized ? { authorizer: contextAuthorizer(authorized) } : {}),
      },
      stageVariables: stageMatch.stage.variables,
    });
    const outcome = await this.#services.send({
      ...call,
      region: call.region ?? this.#api.region,
      timeoutMs: integration.timeoutMs,
      requestId,
    });
    if (outcome.kind === 'timeout') {
      this.#logger.error(
        `${requestId} ${integration.logicalId} did not answer within the integration timeout of ${integration.timeoutMs} ms`,
      );
      return this.#error(503, SERVICE_UNAVAILABLE_BODY, requestId, origin, label);
    }
    if (outcome.kind === 'unreachable') return fail(`the service cannot be reached: ${outcome.reason}`);
    if (outcome.status >= 400) {
      this.#logger.info(
        `${requestId} ${integration.subtype.subtype} answered ${outcome.status}: ${outcome.body}`,
      );
    }
    const headers: Array<[string, string]> = [];
    const contentType = outcome.headers.find(([name]) => name === 'content-type');
    if (contentType) headers.push(['content-type', contentType[1]]);
    if (this.#cors) headers.push(...this.#cors.actual(origin));
    headers.push(['apigw-requestid', requestId]);
    const fallback = () => this.#error(500, INTERNAL_SERVER_ERROR_BODY, requestId, origin, label);
    return { status: outcome.status, headers, body: outcome.body, integration: label, fallback };
  }

  async #call(
    integration: HttpLambdaProxyIntegration,
    requestId: string,
    event: unknown,
  ): Promise<InvocationOutcome | 'integration-timeout'> {
    const invocation = this.#runtime.invoke(integration.lambda, requestId, event);
    if (integration.timeoutMs >= integration.lambda.timeoutSeconds * 1000) return invocation;
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

  #error(
    status: number,
    body: string,
    requestId: string,
    origin: string | undefined,
    label: string,
    extraHeaders: ReadonlyArray<[string, string]> = [],
  ): GatewayResponse {
    const headers: Array<[string, string]> = [['content-type', 'application/json'], ...extraHeaders];
    if (this.#cors) headers.push(...this.#cors.actual(origin));
    headers.push(['apigw-requestid', requestId]);
    return { status, headers, body, integration: label };
  }
}

/**
 * The `$context` variables a parameter mapping of an HTTP API can read.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
function httpContextVariables(
  api: HttpApiModel,
  stageMatch: StageMatch,
  match: HttpRouteMatch,
  request: GatewayRequest,
  requestId: string,
): Record<string, unknown> {
  const host = hostOf(request);
  return {
    accountId: api.accountId,
    apiId: api.apiId,
    domainName: host,
    domainPrefix: domainPrefixOf(host),
    extendedRequestId: requestId,
    httpMethod: request.method,
    identity: { sourceIp: clientAddress(request), userAgent: headerValue(request.rawHeaders, 'user-agent') },
    path: request.path,
    protocol: request.protocol,
    requestId,
    requestTime: clfTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt,
    routeKey: match.route.key.text,
    stage: stageMatch.stage.name,
  };
}

function notFound(requestId: string): GatewayResponse {
  return {
    status: 404,
    headers: [
      ['content-type', 'application/json'],
      ['apigw-requestid', requestId],
    ],
    body: NOT_FOUND_BODY,
    integration: 'no route',
  };
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
