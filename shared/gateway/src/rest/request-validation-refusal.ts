import type { CfnResource } from '../assembly/cfn-template.js';

/**
 * Why a resource of a REST API cannot be served because it asks for request validation, which the local
 * gateway does not emulate yet: an `AWS::ApiGateway::RequestValidator`, an `AWS::ApiGateway::Model`, or a
 * method with a `RequestValidatorId` or `RequestModels`. Serving them would let through requests AWS
 * refuses with 400 `Invalid request body` or `Missing required request parameters`, so they are refused at
 * load instead. (A method response's `ResponseModels` is documentation only and changes no answer.)
 *
 * This is the one place that decides it: request validation, once emulated, replaces this function.
 * @returns the reason, or `undefined` when the resource asks for no request validation
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export function requestValidationRefusal(logicalId: string, resource: CfnResource): string | undefined {
  const notYet = 'request validation is not emulated yet by the local gateway';
  if (resource.Type === 'AWS::ApiGateway::RequestValidator' || resource.Type === 'AWS::ApiGateway::Model') {
    return `${resource.Type} ${logicalId}: ${notYet}`;
  }
  if (resource.Type !== 'AWS::ApiGateway::Method') return undefined;
  const props = resource.Properties ?? {};
  if (props.RequestValidatorId !== undefined) {
    return `the method ${logicalId} has a RequestValidatorId: ${notYet}`;
  }
  const models = props.RequestModels;
  if (models !== undefined && models !== null && Object.keys(models as object).length > 0) {
    return `the method ${logicalId} has RequestModels: ${notYet}`;
  }
  return undefined;
}
