/**
 * Who, in an API Gateway API, produced an answer and each of its CORS headers: the OPTIONS method's MOCK
 * integration response, another integration response, a gateway response, the Lambda function, the HTTP
 * API's `CorsConfiguration`, or API Gateway itself.
 *
 * @module
 */
import type { Exchange } from '../cors/exchange.js';
import { headerValue } from '../cors/header-lines.js';
import type { HttpApiModel, RestApiModel, RestMethodModel } from './api-model.js';
import { gatewayResponseFamily, gatewayResponseType } from './gateway-response-type.js';
import { type ApiLocation, stagePath } from './locate-api.js';
import { matchHttpRoute, matchRestMethod, matchRestResource } from './match-route.js';

/** What produced an answer. */
export type AnswerProducer =
  | 'integration-response'
  | 'gateway-response'
  | 'function'
  | 'cors-configuration'
  | 'api-gateway';

/** Who produced an answer, and its CORS headers. */
export interface AnswerSource {
  /** What kind of thing answered. */
  readonly producer: AnswerProducer;
  /** The resource responsible, when there is one in the template. */
  readonly logicalId?: string;
  /** In plain words, e.g. `the MOCK integration response (204) of OPTIONS /items`. */
  readonly description: string;
  /** Each CORS header of the answer (lower case) and who set it. */
  readonly corsHeaders: Readonly<Record<string, string>>;
  /** For a REST gateway response: its type, e.g. `MISSING_AUTHENTICATION_TOKEN`. */
  readonly gatewayResponseType?: string;
  /** For a REST gateway response: the type of the customisation that applied (its own or its family's). */
  readonly customisedAs?: string;
  /** The REST method or HTTP route the request reached, if any. */
  readonly reached?: {
    /** The method's or route's logical ID. */
    readonly logicalId: string;
    /** `GET /items` (a REST method) or the route key. */
    readonly label: string;
  };
}

const CORS_HEADER = /^access-control-/;

/**
 * Who produced the answer of an exchange.
 * @param location - where the URL is in the API
 * @param exchange - the exchange
 */
export function answerSource(location: ApiLocation, exchange: Exchange): AnswerSource {
  const where = stagePath(location.api, new URL(exchange.request.url));
  if (where === undefined) {
    return {
      producer: 'api-gateway',
      description: `not ${location.api.logicalId}: ${exchange.request.url} is outside its stages`,
      corsHeaders: {},
    };
  }
  return location.api.kind === 'REST'
    ? restSource(location.api, where.path, exchange)
    : httpSource(location.api, where.path, exchange);
}

function corsHeadersOf(exchange: Exchange): string[] {
  return [
    ...new Set(
      exchange.response.headers.map(([name]) => name.toLowerCase()).filter((name) => CORS_HEADER.test(name)),
    ),
  ];
}

function restSource(api: RestApiModel, path: string, exchange: Exchange): AnswerSource {
  const resource = matchRestResource(api, path);
  const method = resource === undefined ? undefined : matchRestMethod(api, resource, exchange.request.method);
  const reached =
    method === undefined
      ? undefined
      : { logicalId: method.logicalId, label: `${method.httpMethod} ${method.resourcePath}` };
  const cors = corsHeadersOf(exchange);
  const errorType = headerValue(exchange.response.headers, 'x-amzn-errortype');
  if (errorType !== undefined) {
    const type =
      gatewayResponseType(errorType, exchange.response.status, exchange.response.body) ?? 'DEFAULT_4XX';
    const family = gatewayResponseFamily(type, exchange.response.status);
    const custom =
      api.gatewayResponses.find((response) => response.responseType === type) ??
      api.gatewayResponses.find((response) => response.responseType === family);
    const description =
      custom === undefined
        ? `API Gateway's default ${type} gateway response (no AWS::ApiGateway::GatewayResponse customises ${type} or ${family})`
        : `the gateway response ${custom.responseType} (${custom.logicalId})${custom.responseType === type ? '' : `, which ${type} inherits`}`;
    return {
      producer: 'gateway-response',
      ...(custom === undefined ? {} : { logicalId: custom.logicalId, customisedAs: custom.responseType }),
      description,
      corsHeaders: Object.fromEntries(
        cors.map((name) => [
          name,
          custom?.headers.has(name)
            ? `its ResponseParameters gatewayresponse.header.${custom.headers.get(name)!.name}`
            : description,
        ]),
      ),
      gatewayResponseType: type,
      ...(reached === undefined ? {} : { reached }),
    };
  }
  if (method === undefined) {
    return {
      producer: 'api-gateway',
      description: 'API Gateway itself: no method of the API answers this request',
      corsHeaders: Object.fromEntries(cors.map((name) => [name, 'API Gateway'])),
    };
  }
  if (method.integrationType === 'AWS_PROXY' || method.integrationType === 'HTTP_PROXY') {
    const who =
      method.functionId === undefined
        ? `the backend of ${method.httpMethod} ${method.resourcePath}`
        : `the function ${method.functionId}`;
    const description = `${who}, through the proxy integration of ${method.httpMethod} ${method.resourcePath} (${method.logicalId})`;
    return {
      producer: 'function',
      ...(method.functionId === undefined ? {} : { logicalId: method.functionId }),
      description,
      corsHeaders: Object.fromEntries(cors.map((name) => [name, description])),
      reached: reached!,
    };
  }
  return integrationSource(method, exchange, cors, reached!);
}

function integrationSource(
  method: RestMethodModel,
  exchange: Exchange,
  cors: readonly string[],
  reached: AnswerSource['reached'] & object,
): AnswerSource {
  const status = String(exchange.response.status);
  const chosen =
    method.integrationResponses.find((response) => response.statusCode === status) ??
    method.integrationResponses.find((response) => response.selectionPattern === undefined);
  const label = `the ${method.integrationType} integration response${chosen === undefined ? '' : ` (${chosen.statusCode})`} of ${method.httpMethod} ${method.resourcePath} (${method.logicalId})`;
  const corsHeaders: Record<string, string> = {};
  for (const name of cors) {
    const mapped = chosen?.headers.get(name);
    corsHeaders[name] = chosen?.overriddenHeaders.includes(name)
      ? `its response template, through $context.responseOverride.header.${mapped?.name ?? name}`
      : mapped !== undefined
        ? `its ResponseParameters: method.response.header.${mapped.name} = ${mapped.expression}`
        : label;
  }
  return {
    producer: 'integration-response',
    logicalId: method.logicalId,
    description: label,
    corsHeaders,
    reached,
  };
}

function httpSource(api: HttpApiModel, path: string, exchange: Exchange): AnswerSource {
  const cors = corsHeadersOf(exchange);
  const isPreflight =
    exchange.request.method === 'OPTIONS' &&
    headerValue(exchange.request.headers, 'access-control-request-method') !== undefined &&
    headerValue(exchange.request.headers, 'origin') !== undefined;
  const configuration = `the CorsConfiguration of ${api.logicalId}`;
  if (isPreflight && api.cors !== undefined) {
    return {
      producer: 'cors-configuration',
      logicalId: api.logicalId,
      description: `${configuration}: API Gateway answers preflights itself`,
      corsHeaders: Object.fromEntries(cors.map((name) => [name, configuration])),
    };
  }
  const route = matchHttpRoute(api, exchange.request.method, path);
  const reached = route === undefined ? undefined : { logicalId: route.logicalId, label: route.routeKey };
  if (route === undefined) {
    return {
      producer: 'api-gateway',
      description: `API Gateway itself: no route of ${api.logicalId} matches ${exchange.request.method} ${path}`,
      corsHeaders: Object.fromEntries(
        cors.map((name) => [name, api.cors !== undefined ? configuration : 'API Gateway']),
      ),
    };
  }
  const who =
    route.functionId === undefined
      ? `the integration of ${route.routeKey}`
      : `the function ${route.functionId}`;
  const failed = exchange.response.status === 500 && exchange.response.body.includes('Internal Server Error');
  return {
    producer: failed ? 'api-gateway' : 'function',
    ...(route.functionId === undefined || failed ? {} : { logicalId: route.functionId }),
    description: failed
      ? `API Gateway, because ${who} failed (route ${route.routeKey})`
      : `${who}, through the route ${route.routeKey} (${route.logicalId})${api.cors === undefined ? '' : `, with the CORS headers of ${configuration} in place of its own`}`,
    corsHeaders: Object.fromEntries(
      cors.map((name) => [
        name,
        api.cors !== undefined
          ? `${configuration} (it replaces the function's own CORS headers)`
          : `${who} returns it`,
      ]),
    ),
    reached: reached!,
  };
}
