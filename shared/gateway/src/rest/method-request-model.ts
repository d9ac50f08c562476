/**
 * What the method request stage of one method checks, besides authorization: the API key and request
 * validation. Read at load from the method, its `AWS::ApiGateway::RequestValidator` and its models.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export interface MethodRequestSettings {
  /** `ApiKeyRequired`. @default false */
  readonly apiKeyRequired: boolean;
  /** The method's request validation, when a validator is attached and validates something. */
  readonly validation: RequestValidation | undefined;
}

/** Where a required request parameter is looked for. */
export type RequestParameterLocation = 'path' | 'querystring' | 'header';

/** A `method.request.<location>.<name>: true` entry of the method's `RequestParameters`. */
export interface RequiredRequestParameter {
  readonly location: RequestParameterLocation;
  readonly name: string;
}

/** Validates one request body: `true` when it satisfies its model. */
export type BodyValidator = (body: unknown) => boolean;

/** A method's request validation, as its `RequestValidator` enables it. */
export interface RequestValidation {
  /**
   * The required parameters, in the order API Gateway lists them when they are missing (sorted by their
   * `method.request.…` key); `undefined` when `ValidateRequestParameters` is off.
   */
  readonly requiredParameters: readonly RequiredRequestParameter[] | undefined;
  /**
   * The body models by lower-case content type (`$default` included); `undefined` when
   * `ValidateRequestBody` is off or the method has no `RequestModels`.
   */
  readonly bodyModels: ReadonlyMap<string, BodyValidator> | undefined;
}
