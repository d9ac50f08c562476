import type { GatewayRequest } from '../server/gateway-request.js';
import { mediaType } from '../server/gateway-request.js';
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
 * Builds the payload format 1.0 event a Lambda proxy integration receives: `path` without the stage,
 * `requestContext.path` with it, `null` (never `{}`) for absent maps, header names in the client's case.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export function restProxyEvent(
  api: RestApiModel,
  stage: RestStage,
  route: RestRoute,
  request: GatewayRequest,
  requestContext: RestRequestContext,
): RestProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    headers[name] = value;
    const values = multiValueHeaders[name];
    if (values) values.push(value);
    else multiValueHeaders[name] = [value];
  }
  const query = parseQuery(request.rawQuery);
  const isBinary = isBinaryBody(api, headers, request.body);
  const stagePrefix = `/${stage.name}`;
  return {
    resource: route.resource.path,
    path: request.path.startsWith(stagePrefix) ? request.path.slice(stagePrefix.length) || '/' : request.path,
    httpMethod: request.method,
    headers: raw.length > 0 ? headers : null,
    multiValueHeaders: raw.length > 0 ? multiValueHeaders : null,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: route.pathParameters,
    stageVariables: stage.variables,
    requestContext,
    body: request.body.length === 0 ? null : request.body.toString(isBinary ? 'base64' : 'utf8'),
    isBase64Encoded: isBinary,
  };
}

function isBinaryBody(api: RestApiModel, headers: Record<string, string>, body: Buffer): boolean {
  if (body.length === 0 || api.binaryMediaTypes.length === 0) return false;
  let contentType: string | undefined;
  for (const name in headers) if (name.toLowerCase() === 'content-type') contentType = headers[name];
  const type = mediaType(contentType);
  return type !== undefined && api.binaryMediaTypes.some((pattern) => mediaTypeMatches(pattern, type));
}

/** Whether `type` matches a binary media type entry such as `image/png`, `image/*` or `*\/*`. */
export function mediaTypeMatches(pattern: string, type: string): boolean {
  const [pMain, pSub] = pattern.toLowerCase().split('/');
  const [tMain, tSub] = type.split('/');
  return (pMain === '*' || pMain === tMain) && (pSub === '*' || pSub === tSub);
}

/** Parses a raw query string into the single- and multi-value maps of a payload 1.0 event. */
export function parseQuery(rawQuery: string): {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
} {
  if (rawQuery === '') return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeQueryPart(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryPart(pair.slice(equals + 1));
    single[name] = value;
    const values = multi[name];
    if (values) values.push(value);
    else multi[name] = [value];
  }
  return Object.keys(single).length === 0 ? { single: null, multi: null } : { single, multi };
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}
