/**
 * The routes of chapter 06 whose errors come from the method request, before any integration runs: an API
 * key, request validation and throttling.
 *
 * @module
 */
import {
  type ApiKey,
  type IResource,
  JsonSchemaType,
  LambdaIntegration,
  type MethodDeploymentOptions,
  Model,
  RequestValidator,
  type RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

/** The path of the route that no request gets through: its stage throttles it to zero. */
export const THROTTLED_PATH = 'throttled';

/**
 * The stage settings that throttle `GET /throttled` to nothing: a rate and a burst of zero, so every request
 * is answered 429 and the lesson does not depend on timing. Pass it as `deployOptions.methodOptions`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
 */
export const THROTTLED_METHOD_OPTIONS: Readonly<Record<string, MethodDeploymentOptions>> = {
  [`/${THROTTLED_PATH}/GET`]: { throttlingRateLimit: 0, throttlingBurstLimit: 0 },
};

/**
 * Adds to `api`, all answered by `handler` when they get that far:
 *
 * - `GET /keyed`, which needs an API key (`x-api-key`) that a usage plan of this API grants: without one,
 *   `403 {"message":"Forbidden"}` (`INVALID_API_KEY`);
 * - `GET /search`, which requires the query string parameter `q`: without it, `400` (`BAD_REQUEST_PARAMETERS`);
 * - `POST /items`, whose JSON body must be an object with a string `name`: otherwise `400`
 *   (`BAD_REQUEST_BODY`);
 * - `GET /throttled`, throttled to zero by {@link THROTTLED_METHOD_OPTIONS}: `429` (`THROTTLED`).
 *
 * @param api - the REST API; it must have `items` as a resource already
 * @param handler - the function behind every route
 * @param apiKey - the key the usage plan grants on the API's stage
 */
export function addMethodRequestRoutes(api: RestApi, handler: IFunction, apiKey: ApiKey): void {
  const integration = new LambdaIntegration(handler);

  api.root.addResource('keyed').addMethod('GET', integration, { apiKeyRequired: true });
  api.addUsagePlan('UsagePlan', { apiStages: [{ api, stage: api.deploymentStage }] }).addApiKey(apiKey);

  const validateParameters = new RequestValidator(api, 'ParametersValidator', {
    restApi: api,
    validateRequestParameters: true,
  });
  api.root.addResource('search').addMethod('GET', integration, {
    requestParameters: { 'method.request.querystring.q': true },
    requestValidator: validateParameters,
  });

  const validateBody = new RequestValidator(api, 'BodyValidator', {
    restApi: api,
    validateRequestBody: true,
  });
  const newItem = new Model(api, 'NewItem', {
    restApi: api,
    contentType: 'application/json',
    schema: {
      type: JsonSchemaType.OBJECT,
      required: ['name'],
      properties: { name: { type: JsonSchemaType.STRING } },
    },
  });
  itemsOf(api).addMethod('POST', integration, {
    requestModels: { 'application/json': newItem },
    requestValidator: validateBody,
  });

  api.root.addResource(THROTTLED_PATH).addMethod('GET', integration);
}

function itemsOf(api: RestApi): IResource {
  const items = api.root.getResource('items');
  if (items === undefined) throw new Error(`${api.node.path} has no /items resource to add POST to`);
  return items;
}
