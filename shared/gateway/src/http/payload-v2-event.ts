import { clfTime } from '../rest/request-context.js';
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
 * `requestContext` of a payload 2.0 event.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.proxy-format
 */
export interface HttpRequestContextV2 {
  readonly accountId: string;
  readonly apiId: string;
  /** What the route's authorizer passed on, when the route has one. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
  readonly domainName: string;
  readonly domainPrefix: string;
  readonly http: {
    readonly method: string;
    /** The request path, with the stage when the stage is named. */
    readonly path: string;
    readonly protocol: string;
    readonly sourceIp: string;
    readonly userAgent: string;
  };
  /** The same ID as the response's `apigw-requestid`. */
  readonly requestId: string;
  readonly routeKey: string;
  readonly stage: string;
  /** e.g. `25/Nov/2026:12:50:42 +0000`. */
  readonly time: string;
  readonly timeEpoch: number;
}

/**
 * The event of a Lambda proxy integration with payload format 2.0. Optional members are left out, never
 * `null`, when the request has nothing for them.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.proxy-format
 */
export interface HttpProxyEventV2 {
  readonly version: '2.0';
  readonly routeKey: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  /** The `Cookie` header split into its cookies; the header itself is not in `headers`. */
  readonly cookies?: string[];
  /** Lower-case names; a repeated header's values joined with `,`. */
  readonly headers: Record<string, string>;
  /** Decoded names and values; a repeated parameter's values joined with `,`. */
  readonly queryStringParameters?: Record<string, string>;
  readonly requestContext: HttpRequestContextV2;
  readonly body?: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly isBase64Encoded: boolean;
  readonly stageVariables?: Readonly<Record<string, string>>;
}

/**
 * Builds the payload format 2.0 event for one request: header names lower-cased and repeated headers joined
 * with `,`, cookies moved from `Cookie` into `cookies`, query parameters decoded and joined with `,`, the
 * forwarding headers API Gateway adds (`x-forwarded-*`, `x-amzn-trace-id`), the body as text or base64.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function httpProxyEventV2(input: HttpEventInput): HttpProxyEventV2 {
  const { request, match, stage } = input;
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [rawName, value] of headerPairs(request.rawHeaders)) {
    const name = rawName.toLowerCase();
    if (name === 'cookie') {
      for (const cookie of value.split(';')) {
        const trimmed = cookie.trim();
        if (trimmed !== '') cookies.push(trimmed);
      }
      continue;
    }
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  for (const [name, value] of forwardedHeaders(input, headers['x-forwarded-for'])) headers[name] = value;

  const host = hostOf(request);
  const { body, isBase64Encoded } = encodeRequestBody(request.body, headers['content-type']);
  const query = joinedQueryParameters(request.rawQuery);
  const event: HttpProxyEventV2 = {
    version: '2.0',
    routeKey: match.route.key.text,
    rawPath: request.path,
    rawQueryString: request.rawQuery,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: input.api.accountId,
      apiId: input.api.apiId,
      ...(input.authorizer ? { authorizer: input.authorizer } : {}),
      domainName: host,
      domainPrefix: domainPrefixOf(host),
      http: {
        method: request.method,
        path: request.path,
        protocol: request.protocol,
        sourceIp: clientAddress(request),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: match.route.key.text,
      stage: stage.name,
      time: clfTime(request.receivedAt),
      timeEpoch: request.receivedAt,
    },
    ...(body !== undefined ? { body } : {}),
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    isBase64Encoded,
    ...(stage.variables ? { stageVariables: stage.variables } : {}),
  };
  return event;
}

/**
 * Parses a raw query string into the `queryStringParameters` of a payload 2.0 event: names and values
 * decoded (`+` is a space), a repeated name's values joined with `,`.
 * @returns `undefined` when there is no parameter
 */
export function joinedQueryParameters(rawQuery: string): Record<string, string> | undefined {
  if (rawQuery === '') return undefined;
  const parameters: Record<string, string> = {};
  let found = false;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeQueryPart(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryPart(pair.slice(equals + 1));
    parameters[name] = Object.hasOwn(parameters, name) ? `${parameters[name]},${value}` : value;
    found = true;
  }
  return found ? parameters : undefined;
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}
