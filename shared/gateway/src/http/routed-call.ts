/**
 * A request an HTTP API has routed (stage, route, authorizer done), as its integrations receive it.
 * @module
 */
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { GatewayRequest, GatewayResponse } from '../server/gateway-request.js';
import type { HttpCorsPolicy } from './cors-policy.js';
import type { HttpApiModel } from './http-api-model.js';
import type { HttpAuthorizerResult } from './http-authorizer-result.js';
import { httpErrorResponse } from './http-error-response.js';
import type { HttpRouteMatch } from './http-router.js';
import type { StageMatch } from './stage-resolver.js';

/** One routed request of an HTTP API, with what its integration needs from the API. */
export interface RoutedHttpCall {
  readonly api: HttpApiModel;
  readonly request: GatewayRequest;
  readonly requestId: string;
  readonly stageMatch: StageMatch;
  readonly match: HttpRouteMatch;
  /** The request's `Origin`, for the CORS headers of the configuration. */
  readonly origin: string | undefined;
  /** What the route's authorizer let through, when it has one. */
  readonly authorized: HttpAuthorizerResult | undefined;
  readonly cors: HttpCorsPolicy | undefined;
  readonly logger: GatewayLogger;
}

/**
 * The JSON error answer of a routed request (see `httpErrorResponse`).
 * @param call - the routed request
 * @param status - the status
 * @param body - the body, e.g. `INTERNAL_SERVER_ERROR_BODY`
 * @param label - what answered, for the log
 */
export function routedError(
  call: RoutedHttpCall,
  status: number,
  body: string,
  label: string,
): GatewayResponse {
  return httpErrorResponse(call.cors, {
    status,
    body,
    requestId: call.requestId,
    origin: call.origin,
    label,
  });
}
