import type { GatewayRequest } from '../server/gateway-request.js';
import { isBinaryMediaType } from './binary-media-types.js';
import { parseQuery } from './parse-query.js';
import type { RestRequestContext } from './request-context.js';
import type { RestApiModel, RestStage } from './rest-api-model.js';
import type { RestRoute } from './rest-router.js';

/**
 * The event a REST API Lambda proxy integration sends (payload format 1.0).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export interface RestProxyEvent {
  readonly resource: string;
  readonly path: string;
  readonly httpMethod: string;
  readonly headers: Record<string, string> | null;
  readonly multiValueHeaders: Record<string, string[]> | null;
  readonly queryStringParameters: Record<string, string> | null;
  readonly multiValueQueryStringParameters: Record<string, string[]> | null;
  readonly pathParameters: Readonly<Record<string, string>> | null;
  readonly stageVariables: Readonly<Record<string, string>> | null;
  readonly requestContext: RestRequestContext;
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
}

/**
 * Builds the payload format 1.0 event a Lambda proxy integration receives, as recorded on AWS (LocalStack
 * test `test_apigateway_lambda.py::test_lambda_aws_proxy_integration`, validated 2024-08-02): `path`
 * without the stage and with the slashes right after it collapsed (`/prod//items` → `/items`), inner and
 * trailing slashes kept; `requestContext.path` with the stage; `null` (never `{}`) for absent maps; the
 * headers as API Gateway passes them (see `methodRequestHeaders`); the body in base64 with
 * `isBase64Encoded` when its `Content-Type` is one of the API's binary media types.
 * @param headers - the request headers as the integration sees them
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export function restProxyEvent(
  api: RestApiModel,
  stage: RestStage,
  route: RestRoute,
  request: GatewayRequest,
  requestContext: RestRequestContext,
  headers: ReadonlyArray<readonly [string, string]>,
): RestProxyEvent {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  let contentType: string | undefined;
  for (const [name, value] of headers) {
    single[name] = value;
    const values = multi[name];
    if (values) values.push(value);
    else multi[name] = [value];
    if (contentType === undefined && name.toLowerCase() === 'content-type') contentType = value;
  }
  const query = parseQuery(request.rawQuery);
  const isBinary = request.body.length > 0 && isBinaryMediaType(api.binaryMediaTypes, contentType);
  return {
    resource: route.resource.path,
    path: pathBelowStage(request.path),
    httpMethod: request.method,
    headers: headers.length > 0 ? single : null,
    multiValueHeaders: headers.length > 0 ? multi : null,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: route.pathParameters,
    stageVariables: stage.variables,
    requestContext,
    body: request.body.length === 0 ? null : request.body.toString(isBinary ? 'base64' : 'utf8'),
    isBase64Encoded: isBinary,
  };
}

/**
 * The event's `path`: the request path after its stage, the slashes right after the stage collapsed into
 * one (`//prod//items/` → `/items/`); `/` when nothing follows the stage.
 */
export function pathBelowStage(path: string): string {
  const afterStage = path.replace(/^\/*[^/]*/, '');
  return afterStage.replace(/^\/+/, '/') || '/';
}
