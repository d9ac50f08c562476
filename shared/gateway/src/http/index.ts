/**
 * HTTP APIs (`AWS::ApiGatewayV2::Api`, protocol `HTTP`): the model read from a template and the pipeline
 * serving it.
 * @module
 */
export { type AllowedOrigins, compileAllowedOrigins, type OriginMatcher } from './allowed-origins.js';
export { type HttpCorsConfiguration, HttpCorsPolicy } from './cors-policy.js';
export type { HttpEventInput } from './event-input.js';
export type { HttpAnswer, MalformedResult } from './http-answer.js';
export type {
  HttpApiModel,
  HttpIntegration,
  HttpLambdaProxyIntegration,
  HttpRoute,
  HttpServiceIntegration,
  HttpStage,
  PayloadFormatVersion,
} from './http-api-model.js';
export {
  HttpApiPipeline,
  INTERNAL_SERVER_ERROR_BODY,
  NOT_FOUND_BODY,
  SERVICE_UNAVAILABLE_BODY,
} from './http-pipeline.js';
export { type HttpRouteMatch, HttpRouter } from './http-router.js';
export {
  evaluateMappingValue,
  type MappingRequest,
  type MappingValue,
  type MappingValuePart,
  parseMappingValue,
} from './parameter-mapping.js';
export { type HttpProxyEventV1, type HttpRequestContextV1, httpProxyEventV1 } from './payload-v1-event.js';
export { interpretResultV1 } from './payload-v1-response.js';
export {
  type HttpProxyEventV2,
  type HttpRequestContextV2,
  httpProxyEventV2,
  joinedQueryParameters,
} from './payload-v2-event.js';
export { DEFAULT_STRUCTURED_CONTENT_TYPE, interpretResultV2 } from './payload-v2-response.js';
export { CREDENTIALS_WITH_ANY_ORIGIN, readCorsConfiguration } from './read-cors-configuration.js';
export { readHttpApis } from './read-http-apis.js';
export { parseRouteKey, ROUTE_METHODS, type RouteKey, type RouteSegment } from './route-key.js';
export { type StageMatch, StageResolver } from './stage-resolver.js';
