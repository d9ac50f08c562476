import type { CfnResource } from '../assembly/cfn-template.js';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type {
  BodyValidator,
  MethodRequestSettings,
  RequestParameterLocation,
  RequiredRequestParameter,
} from './method-request-model.js';
import { InvalidModelError, type RestApiModels } from './read-request-models.js';

/** `AWS::ApiGateway::RequestValidator` by what `Ref` gives for it. */
export type RequestValidators = ReadonlyMap<string, { readonly body: boolean; readonly parameters: boolean }>;

/** A method's settings could not be read; `resource` is the logical ID to name. */
export class MethodRequestConfigError extends Error {
  override readonly name = 'MethodRequestConfigError';
  constructor(
    message: string,
    readonly resource: string,
  ) {
    super(message);
  }
}

/** Reads the API's request validators: the physical ID `Ref` gives → what each validates. */
export function readRequestValidators(
  resources: ReadonlyArray<readonly [string, CfnResource]>,
  resolver: IntrinsicResolver,
): RequestValidators {
  const validators = new Map<string, { body: boolean; parameters: boolean }>();
  for (const [logicalId, r] of resources) {
    const props = resolver.resolve(r.Properties ?? {}) as Record<string, unknown>;
    validators.set(String(resolver.ref(logicalId)), {
      body: props.ValidateRequestBody === true || props.ValidateRequestBody === 'true',
      parameters: props.ValidateRequestParameters === true || props.ValidateRequestParameters === 'true',
    });
  }
  return validators;
}

const REQUEST_PARAMETER =
  /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/;

/**
 * What the method request stage checks for one method, besides authorization: `ApiKeyRequired`, and the
 * required `RequestParameters` and `RequestModels` its `RequestValidatorId` enables.
 * @throws MethodRequestConfigError for an unknown validator, a malformed parameter key or an unknown model
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-set-up.html
 */
export function readMethodRequest(
  logicalId: string,
  props: Record<string, unknown>,
  resolver: IntrinsicResolver,
  validators: RequestValidators,
  models: RestApiModels,
): MethodRequestSettings {
  const apiKeyRequired = resolver.resolve(props.ApiKeyRequired) === true;
  if (props.RequestValidatorId === undefined) return { apiKeyRequired, validation: undefined };
  const validatorId = resolver.resolveString(props.RequestValidatorId, 'RequestValidatorId');
  const validator = validators.get(validatorId);
  if (!validator) {
    throw new MethodRequestConfigError(
      `Invalid Request Validator identifier specified: ${validatorId}`,
      logicalId,
    );
  }
  const parameters = (resolver.resolve(props.RequestParameters ?? {}) ?? {}) as Record<string, unknown>;
  const required: Array<RequiredRequestParameter & { readonly key: string }> = [];
  for (const [key, isRequired] of Object.entries(parameters)) {
    const match = REQUEST_PARAMETER.exec(key);
    if (!match) {
      throw new MethodRequestConfigError(
        `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid method request parameter specified: ${key}]`,
        logicalId,
      );
    }
    if (isRequired !== true && isRequired !== 'true') continue;
    const location = match[1]!.replace('multivalue', '') as RequestParameterLocation;
    required.push({ key, location, name: match[2]! });
  }
  required.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  let bodyModels: Map<string, BodyValidator> | undefined;
  const requestModels = (resolver.resolve(props.RequestModels ?? {}) ?? {}) as Record<string, unknown>;
  if (validator.body && Object.keys(requestModels).length > 0) {
    bodyModels = new Map();
    for (const [contentType, model] of Object.entries(requestModels)) {
      try {
        bodyModels.set(contentType.toLowerCase(), models.validator(String(model), logicalId));
      } catch (error) {
        if (error instanceof InvalidModelError)
          throw new MethodRequestConfigError(error.message, error.resource);
        throw error;
      }
    }
  }
  const requiredParameters = validator.parameters
    ? required.map(({ location, name }) => ({ location, name }))
    : undefined;
  if (!requiredParameters?.length && !bodyModels) return { apiKeyRequired, validation: undefined };
  return { apiKeyRequired, validation: { requiredParameters, bodyModels } };
}
