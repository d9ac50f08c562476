import { restProxyEvent } from './proxy-event.js';
import type { RestLambdaAuthorizer } from './rest-authorizer-model.js';
import type { RequestState } from './stages/request-state.js';

/**
 * The event a REST API Lambda authorizer receives. `TOKEN`: `{type, authorizationToken, methodArn}`.
 * `REQUEST`: `type` and `methodArn`, then the request as a proxy integration sees it (resource, path,
 * method, headers, query string, path parameters, stage variables, request context), without its body.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function lambdaAuthorizerEvent(
  state: RequestState,
  authorizer: RestLambdaAuthorizer,
  methodArn: string,
  token: string | undefined,
): Record<string, unknown> {
  if (authorizer.type === 'TOKEN') return { type: 'TOKEN', authorizationToken: token, methodArn };
  const {
    body: _body,
    isBase64Encoded: _encoded,
    ...request
  } = restProxyEvent(
    state.api,
    state.stage,
    state.route,
    state.request,
    state.context as never,
    state.headers,
  );
  return { type: 'REQUEST', methodArn, ...request };
}
