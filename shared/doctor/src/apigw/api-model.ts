/**
 * What the doctor knows of an API Gateway API from its CloudFormation template: enough to tell which
 * resource produced a CORS header, and which CDK construct to change.
 *
 * @module
 */

/** A header a resource sets, as the template writes it. */
export interface MappedHeader {
  /** The header's name as written, e.g. `Access-Control-Allow-Origin`. */
  readonly name: string;
  /** The mapping expression, e.g. `'*'` (a literal, quoted) or `method.request.header.Origin`. */
  readonly expression: string;
}

/** One integration response of a REST method. */
export interface IntegrationResponseModel {
  /** `StatusCode`. */
  readonly statusCode: string;
  /** `SelectionPattern`; absent for the default response. */
  readonly selectionPattern?: string;
  /** `ResponseParameters` of `method.response.header.*`, by lower-case header name. */
  readonly headers: ReadonlyMap<string, MappedHeader>;
  /** Headers a response template sets with `$context.responseOverride.header`, lower case. */
  readonly overriddenHeaders: readonly string[];
  /** The response templates' text. */
  readonly templates: readonly string[];
}

/** One `AWS::ApiGateway::Method`. */
export interface RestMethodModel {
  /** Its logical ID. */
  readonly logicalId: string;
  /** `HttpMethod`, upper case (`ANY` included). */
  readonly httpMethod: string;
  /** The resource's path, e.g. `/items/{id}`; `/` for the root. */
  readonly resourcePath: string;
  /** `Integration.Type`, e.g. `MOCK` or `AWS_PROXY`. */
  readonly integrationType: string;
  /** The logical ID of the Lambda function it invokes, if any. */
  readonly functionId?: string;
  /** Its integration responses (none for proxy integrations). */
  readonly integrationResponses: readonly IntegrationResponseModel[];
}

/** One `AWS::ApiGateway::GatewayResponse`. */
export interface GatewayResponseModel {
  /** Its logical ID. */
  readonly logicalId: string;
  /** `ResponseType`, e.g. `DEFAULT_4XX`. */
  readonly responseType: string;
  /** `ResponseParameters` of `gatewayresponse.header.*`, by lower-case header name. */
  readonly headers: ReadonlyMap<string, MappedHeader>;
}

/** A REST API (`AWS::ApiGateway::RestApi`). */
export interface RestApiModel {
  readonly kind: 'REST';
  /** The stack's name. */
  readonly stack: string;
  /** The API's logical ID. */
  readonly logicalId: string;
  /** The deployed stages' names. */
  readonly stages: readonly string[];
  /** Every resource's path, the root included. */
  readonly resourcePaths: readonly string[];
  /** Every method. */
  readonly methods: readonly RestMethodModel[];
  /** Every customised gateway response. */
  readonly gatewayResponses: readonly GatewayResponseModel[];
}

/** The `CorsConfiguration` of an HTTP API. */
export interface HttpCorsModel {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly allowCredentials: boolean;
  readonly maxAge?: number;
}

/** One `AWS::ApiGatewayV2::Route`. */
export interface HttpRouteModel {
  /** Its logical ID. */
  readonly logicalId: string;
  /** `RouteKey`, e.g. `GET /profile` or `$default`. */
  readonly routeKey: string;
  /** The logical ID of the Lambda function its integration invokes, if any. */
  readonly functionId?: string;
}

/** An HTTP API (`AWS::ApiGatewayV2::Api` with `ProtocolType: HTTP`). */
export interface HttpApiModel {
  readonly kind: 'HTTP';
  /** The stack's name. */
  readonly stack: string;
  /** The API's logical ID. */
  readonly logicalId: string;
  /** The stages' names, e.g. `$default`. */
  readonly stages: readonly string[];
  /** Its `CorsConfiguration`, if it has one. */
  readonly cors?: HttpCorsModel;
  /** Every route. */
  readonly routes: readonly HttpRouteModel[];
}

/** A REST or an HTTP API. */
export type ApiModel = RestApiModel | HttpApiModel;
