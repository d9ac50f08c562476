import { parseQuery } from '../rest/parse-query.js';
import { anonymousIdentity, clfTime, type RestIdentity } from '../rest/request-context.js';
import {
  clientAddress,
  domainPrefixOf,
  forwardedHeaders,
  type HttpEventInput,
  headerPairs,
  hostOf,
} from './event-input.js';
import { encodeRequestBody } from './request-body.js';

/**
 * `requestContext` of a payload 1.0 event sent by an HTTP API: the REST API's shape, with the HTTP API's
 * request ID and route.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.proxy-format
 */
export interface HttpRequestContextV1 {
  readonly accountId: string;
  readonly apiId: string;
  /** What the route's authorizer passed on, when the route has one. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
  readonly domainName: string;
  readonly domainPrefix: string;
  readonly extendedRequestId: string;
  readonly httpMethod: string;
  readonly identity: RestIdentity;
  readonly path: string;
  readonly protocol: string;
  readonly requestId: string;
  readonly requestTime: string;
  readonly requestTimeEpoch: number;
  /** The route's ID. */
  readonly resourceId: string;
  /** The route's path, e.g. `/items/{id}`; the request path for `$default`. */
  readonly resourcePath: string;
  readonly stage: string;
}

/**
 * The event of a Lambda proxy integration with payload format 1.0, as an HTTP API sends it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.proxy-format
 */
export interface HttpProxyEventV1 {
  readonly version: '1.0';
  readonly resource: string;
  readonly path: string;
  readonly httpMethod: string;
  readonly headers: Record<string, string>;
  readonly multiValueHeaders: Record<string, string[]>;
  readonly queryStringParameters: Record<string, string> | null;
  readonly multiValueQueryStringParameters: Record<string, string[]> | null;
  readonly requestContext: HttpRequestContextV1;
  readonly pathParameters: Readonly<Record<string, string>> | null;
  readonly stageVariables: Readonly<Record<string, string>> | null;
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
}

/**
 * Builds the payload format 1.0 event for one request: header names in the client's case (with the
 * forwarding headers API Gateway adds), single- and multi-value maps, `null` for what is absent.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function httpProxyEventV1(input: HttpEventInput): HttpProxyEventV1 {
  const { request, match, stage } = input;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  let forwardedFor: string | undefined;
  let contentType: string | undefined;
  let userAgent: string | null = null;
  for (const [name, value] of headerPairs(request.rawHeaders)) {
    const lower = name.toLowerCase();
    if (lower === 'x-forwarded-for') forwardedFor = value;
    if (lower === 'content-type') contentType = value;
    if (lower === 'user-agent') userAgent = value;
    headers[name] = value;
    const values = multiValueHeaders[name];
    if (values) values.push(value);
    else multiValueHeaders[name] = [value];
  }
  for (const [name, value] of forwardedHeaders(input, forwardedFor)) {
    headers[name] = value;
    multiValueHeaders[name] = [value];
  }
  const query = parseQuery(request.rawQuery);
  const { body, isBase64Encoded } = encodeRequestBody(request.body, contentType);
  const host = hostOf(request);
  const key = match.route.key;
  const stagePrefix = stage.name === '$default' ? '' : `/${stage.name}`;
  const resource = key.kind === 'route' ? key.path : request.path.slice(stagePrefix.length) || '/';
  return {
    version: '1.0',
    resource,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    requestContext: {
      accountId: input.api.accountId,
      apiId: input.api.apiId,
      ...(input.authorizer ? { authorizer: input.authorizer } : {}),
      domainName: host,
      domainPrefix: domainPrefixOf(host),
      extendedRequestId: input.requestId,
      httpMethod: request.method,
      identity: anonymousIdentity(clientAddress(request), userAgent),
      path: request.path,
      protocol: request.protocol,
      requestId: input.requestId,
      requestTime: clfTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt,
      resourceId: match.route.routeId,
      resourcePath: resource,
      stage: stage.name,
    },
    pathParameters: match.pathParameters,
    stageVariables: stage.variables,
    body: body ?? null,
    isBase64Encoded,
  };
}
