import type { HttpRouteAuthorization } from './http-authorizer-model.js';
import type { HttpAuthorizationInput, HttpAuthorizerResult, HttpRefusal } from './http-authorizer-result.js';
import { authorizeWithHttpLambda } from './http-lambda-authorizer.js';
import { authorizeWithJwt } from './jwt-authorizer.js';

/**
 * Runs the route's authorizer — a JWT authorizer or a Lambda authorizer — for one request.
 * @returns what the authorizer passes on to the integration, or its refusal
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html
 */
export function authorizeHttpRoute(
  input: HttpAuthorizationInput,
  authorization: HttpRouteAuthorization,
): Promise<HttpAuthorizerResult | HttpRefusal> {
  return authorization.type === 'JWT'
    ? authorizeWithJwt(input, authorization.authorizer, authorization.scopes)
    : authorizeWithHttpLambda(input, authorization.authorizer);
}
