import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';
import type { AwsServiceName } from '../services/service-catalog.js';
import type { ServiceIntegrationUri } from '../services/service-integration-uri.js';
import type { MappingTemplate } from '../vtl/index.js';
import type { ContentHandling } from './content-handling.js';
import type { IntegrationRequestParameters } from './lambda-request-parameters.js';
import type { MethodRequestSettings } from './method-request-model.js';
import type { RestHttpIntegration } from './read-http-integration.js';
import type { RequestParameterSource, RequestParameterTarget } from './request-parameter.js';
import type { ResponseParameterSource } from './response-parameter.js';
import type { RestMethodAuthorization } from './rest-authorizer-model.js';
import type { ApiKeysModel, StageThrottling } from './usage-plan-model.js';

/** The integration types of `AWS::ApiGateway::Method` `Integration.Type`. */
export type RestIntegrationType = 'MOCK' | 'AWS_PROXY' | 'AWS' | 'HTTP' | 'HTTP_PROXY';

/** `Integration.PassthroughBehavior`. @default 'WHEN_NO_MATCH' */
export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';

/** A template of a mapping, compiled at load, under the content type it is keyed by. */
export interface KeyedTemplates {
  /** Templates by lower-case media type, in template order. */
  readonly byType: ReadonlyMap<string, MappingTemplate>;
}

/** One entry of `Integration.IntegrationResponses`. */
export interface RestIntegrationResponse {
  readonly statusCode: string;
  /** Full-match regular expression; `undefined` for the default response. */
  readonly selectionPattern: RegExp | undefined;
  /** Method response header name → where its value comes from. */
  readonly responseParameters: ReadonlyArray<readonly [string, ResponseParameterSource]>;
  readonly responseTemplates: KeyedTemplates;
}

/**
 * An `AWS` integration that calls an AWS service action (or path) rather than a Lambda function: the
 * rendered request template is the body of the service's own protocol request.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */
export interface RestServiceIntegration {
  readonly service: AwsServiceName;
  /** The parsed `Uri`: `action/<Action>` or `path/<path>`, with its region. */
  readonly uri: ServiceIntegrationUri;
  /** `IntegrationHttpMethod`. @default 'POST' */
  readonly httpMethod: string;
  /** `Credentials`: the role API Gateway would assume; `undefined` when the integration has none. */
  readonly credentials: string | undefined;
  /** `RequestParameters`, in template order. */
  readonly requestParameters: ReadonlyArray<readonly [RequestParameterTarget, RequestParameterSource]>;
  /** How the request log names it, e.g. `dynamodb:PutItem`. */
  readonly label: string;
}

/** The integration of one method. */
export interface RestIntegration {
  readonly type: RestIntegrationType;
  /** `ContentHandling`: how a binary request payload reaches the integration. */
  readonly contentHandling?: ContentHandling;
  readonly passthroughBehavior: PassthroughBehavior;
  readonly requestTemplates: KeyedTemplates;
  readonly integrationResponses: readonly RestIntegrationResponse[];
  /** The function a Lambda integration invokes (for a per-stage function, the first stage's). */
  readonly lambda: LambdaFunctionDefinition | undefined;
  /**
   * The function of each stage, when the integration names its function through `${stageVariables.name}`;
   * a stage missing here cannot invoke it (500).
   */
  readonly lambdaByStage?: ReadonlyMap<string, LambdaFunctionDefinition>;
  /** A Lambda integration's `RequestParameters` (a service integration keeps its own in `service`). */
  readonly lambdaRequestParameters?: IntegrationRequestParameters;
  /** `IntegrationHttpMethod`, upper case; `undefined` for `MOCK` without one. */
  readonly integrationHttpMethod?: string;
  /** The AWS service an `AWS` integration calls, when it calls one rather than Lambda. */
  readonly service?: RestServiceIntegration;
  /** The backend of an `HTTP` or `HTTP_PROXY` integration. */
  readonly http?: RestHttpIntegration;
  /** @default 29000 */
  readonly timeoutMs: number;
}

/** One `AWS::ApiGateway::Method`. */
export interface RestMethod {
  readonly logicalId: string;
  readonly httpMethod: string;
  readonly integration: RestIntegration;
  /** Declared method responses: status code → declared header names (lower case). */
  readonly methodResponses: ReadonlyMap<string, ReadonlySet<string>>;
  /** What the method request checks besides authorization: the API key and request validation. */
  readonly request: MethodRequestSettings;
  /** How the method request is authorized; absent for `AuthorizationType` `NONE`. */
  readonly authorization?: RestMethodAuthorization;
}

/** One node of the resource tree (the root has an empty path part). */
export interface RestResource {
  readonly id: string;
  readonly logicalId: string;
  /** e.g. `/items/{id}` (`/` for the root). */
  readonly path: string;
  readonly children: Map<string, RestResource>;
  /** The `{name}` child, if any. */
  parameterChild: { readonly name: string; readonly resource: RestResource } | undefined;
  /** The `{name+}` child, if any. */
  greedyChild: { readonly name: string; readonly resource: RestResource } | undefined;
  readonly methods: Map<string, RestMethod>;
}

/** A deployed stage. */
export interface RestStage {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>> | null;
  readonly deploymentId: string;
  /** The stage's throttling (`MethodSettings`). */
  readonly throttling: StageThrottling;
}

/** A customised `AWS::ApiGateway::GatewayResponse`. */
export interface GatewayResponseCustomisation {
  readonly responseType: string;
  readonly statusCode: number | undefined;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly templates: KeyedTemplates;
}

/** Everything the gateway needs to serve one `AWS::ApiGateway::RestApi`. */
export interface RestApiModel {
  readonly stackName: string;
  readonly logicalId: string;
  readonly apiId: string;
  readonly accountId: string;
  readonly region: string;
  readonly root: RestResource;
  readonly stages: ReadonlyMap<string, RestStage>;
  readonly gatewayResponses: ReadonlyMap<string, GatewayResponseCustomisation>;
  readonly binaryMediaTypes: readonly string[];
  /** The API keys requests may carry, and what the usage plans of this API grant them. */
  readonly apiKeys: ApiKeysModel;
  /** `MinimumCompressionSize` in bytes; `undefined` when responses are never compressed. */
  readonly minimumCompressionSize?: number;
}
