import type { HttpTarget } from '../http-backends/http-target.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import type { IntegrationSubtypeDescription } from '../services/integration-subtypes.js';
import type { HttpCorsPolicy } from './cors-policy.js';
import type { HttpRouteAuthorization } from './http-authorizer-model.js';
import type { MappingValue } from './parameter-mapping.js';
import type { RouteKey } from './route-key.js';
import type { HttpStageThrottling } from './route-throttling.js';

/**
 * `PayloadFormatVersion` of an `AWS::ApiGatewayV2::Integration`: the shape of the event a Lambda proxy
 * integration receives and of the result it must return.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.proxy-format
 */
export type PayloadFormatVersion = '1.0' | '2.0';

/** What every `AWS::ApiGatewayV2::Integration` the gateway serves has. */
interface HttpIntegrationBase {
  readonly logicalId: string;
  /** The integration ID, as `Ref` resolves it (what a route's `Target: integrations/<id>` names). */
  readonly integrationId: string;
  readonly payloadFormatVersion: PayloadFormatVersion;
  /**
   * How long API Gateway waits for the backend before it answers 503.
   * @default 30000
   */
  readonly timeoutMs: number;
}

/** One `AWS::ApiGatewayV2::Integration` of type `AWS_PROXY` that invokes a Lambda function. */
export interface HttpLambdaProxyIntegration extends HttpIntegrationBase {
  readonly kind: 'lambda';
  /** The function invoked. */
  readonly lambda: LambdaFunctionDefinition;
}

/**
 * One `AWS::ApiGatewayV2::Integration` with an `IntegrationSubtype`: a first-class integration that calls an
 * AWS service action with the values its `RequestParameters` map from the request.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services.html
 */
export interface HttpServiceIntegration extends HttpIntegrationBase {
  readonly kind: 'service';
  /** The subtype, e.g. `Kinesis-PutRecord`, with its service and action. */
  readonly subtype: IntegrationSubtypeDescription;
  /** `RequestParameters`: the action's parameters, by name, with their parsed mapping values. */
  readonly parameters: ReadonlyArray<readonly [string, MappingValue]>;
  /** `CredentialsArn`: the role API Gateway would assume; `undefined` when the integration has none. */
  readonly credentials: string | undefined;
}

/** One entry of an `HTTP_PROXY` integration's `RequestParameters`, e.g. `append:header.x-source`. */
export interface ProxyParameterMapping {
  readonly action: 'append' | 'overwrite' | 'remove';
  readonly location: 'header' | 'querystring' | 'path';
  /** The header or query parameter name; empty for `overwrite:path`. */
  readonly name: string;
  readonly value: MappingValue;
}

/**
 * One `AWS::ApiGatewayV2::Integration` of type `HTTP_PROXY`: a public URL (`HttpUrlIntegration`) or a
 * private integration through a VPC link, called with the request as it came, as mapped.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html
 */
export interface HttpUrlProxyIntegration extends HttpIntegrationBase {
  readonly kind: 'http';
  /** Where the requests go. */
  readonly target: HttpTarget;
  /** `IntegrationMethod`; `ANY` sends the client's method. */
  readonly method: string;
  /** `RequestParameters`, in template order. */
  readonly parameters: readonly ProxyParameterMapping[];
  /** How the request log names it. */
  readonly label: string;
}

/** An integration of an HTTP API: a Lambda proxy, a first-class AWS service integration, or an HTTP proxy. */
export type HttpIntegration = HttpLambdaProxyIntegration | HttpServiceIntegration | HttpUrlProxyIntegration;

/** One `AWS::ApiGatewayV2::Route` with its integration. */
export interface HttpRoute {
  readonly logicalId: string;
  /** The route ID, as `Ref` resolves it (`requestContext.resourceId` of a payload 1.0 event). */
  readonly routeId: string;
  /** The parsed `RouteKey`, e.g. `GET /items/{id}` or `$default`. */
  readonly key: RouteKey;
  readonly integration: HttpIntegration;
  /** How the route is authorized; absent for `AuthorizationType` `NONE`. */
  readonly authorization?: HttpRouteAuthorization;
}

/** A deployed `AWS::ApiGatewayV2::Stage`. */
export interface HttpStage {
  /** `$default` (served at the root) or a name (served under `/<name>/`). */
  readonly name: string;
  /** `StageVariables`; `null` when there are none. */
  readonly variables: Readonly<Record<string, string>> | null;
  /** `DefaultRouteSettings` and `RouteSettings` throttling. */
  readonly throttling: HttpStageThrottling;
}

/** Everything the gateway needs to serve one `AWS::ApiGatewayV2::Api` of protocol `HTTP`. */
export interface HttpApiModel {
  readonly stackName: string;
  readonly logicalId: string;
  /** The API ID, as `Ref` resolves it. */
  readonly apiId: string;
  readonly accountId: string;
  readonly region: string;
  /** Every route, `$default` included, in template order. */
  readonly routes: readonly HttpRoute[];
  /** The deployed stages by name. */
  readonly stages: ReadonlyMap<string, HttpStage>;
  /** The names of the deployed stages, in template order; `$default` is served at the root. */
  readonly stageNames: readonly string[];
  /** The API's `CorsConfiguration`, compiled; `undefined` when it has none. */
  readonly cors: HttpCorsPolicy | undefined;
  /** Things AWS accepts but that do not do what they seem to; logged when the API is served. */
  readonly warnings: readonly string[];
}
