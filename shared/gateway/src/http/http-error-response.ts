/**
 * The answers an HTTP API gives of its own — errors and the 404 of an unmatched request — with the CORS
 * headers of the configuration where API Gateway sends them.
 * @module
 */
import type { GatewayResponse } from '../server/gateway-request.js';
import type { HttpCorsPolicy } from './cors-policy.js';

/** The body of API Gateway's answer when no stage or route matches. */
export const NOT_FOUND_BODY = '{"message":"Not Found"}';
/** The body of API Gateway's answer when the function fails or returns something it cannot read. */
export const INTERNAL_SERVER_ERROR_BODY = '{"message":"Internal Server Error"}';
/** The body of API Gateway's answer when the integration does not answer within its timeout. */
export const SERVICE_UNAVAILABLE_BODY = '{"message":"Service Unavailable"}';
/** The body of API Gateway's answer to a throttled request. */
export const TOO_MANY_REQUESTS_BODY = '{"message":"Too Many Requests"}';

/** What an error answer says, and to whom. */
export interface HttpErrorAnswer {
  readonly status: number;
  readonly body: string;
  readonly requestId: string;
  /** The request's `Origin`: the actual-response CORS headers are added when the configuration allows it. */
  readonly origin: string | undefined;
  /** What answered, for the log (e.g. `AWS_PROXY HelloFn`). */
  readonly label: string;
  /**
   * Headers before the CORS ones, e.g. an authorizer's `www-authenticate`.
   * @default - none
   */
  readonly extraHeaders?: ReadonlyArray<[string, string]>;
}

/**
 * A JSON error answer of the HTTP API, with the configuration's CORS headers for an allowed origin and
 * `apigw-requestid`.
 * @param cors - the API's CORS configuration, if any
 * @param answer - the status, body, request ID, origin and label
 */
export function httpErrorResponse(
  cors: HttpCorsPolicy | undefined,
  answer: HttpErrorAnswer,
): GatewayResponse {
  const headers: Array<[string, string]> = [
    ['content-type', 'application/json'],
    ...(answer.extraHeaders ?? []),
  ];
  if (cors) headers.push(...cors.actual(answer.origin));
  headers.push(['apigw-requestid', answer.requestId]);
  return { status: answer.status, headers, body: answer.body, integration: answer.label };
}

/** The 404 of a request no stage or route matches: no CORS header, whatever the configuration. */
export function notFound(requestId: string): GatewayResponse {
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
