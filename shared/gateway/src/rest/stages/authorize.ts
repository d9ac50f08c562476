import { AuthorizerCache, cacheKey } from '../../auth/authorizer-cache.js';
import type { PolicyDecision } from '../../auth/iam-policy.js';
import { type IdentityLookups, identityValues } from '../../auth/identity-source.js';
import { type PolicyAuthorizerResult, readPolicyResult } from '../../auth/lambda-authorizer-result.js';
import { methodArn } from '../../auth/method-arn.js';
import { type GatewayResponse, headerValue } from '../../server/gateway-request.js';
import { lambdaAuthorizerEvent } from '../lambda-authorizer-event.js';
import { parseQuery } from '../parse-query.js';
import type { RestApiModel } from '../rest-api-model.js';
import type { RestLambdaAuthorizer } from '../rest-authorizer-model.js';
import { authorizeWithCognito } from './authorize-cognito.js';
import type { MethodRequestCheck } from './method-request.js';
import type { RequestState } from './request-state.js';

/** The bodies API Gateway sends when a Lambda authorizer's policy does not allow the request. */
const DENIED: Record<Exclude<PolicyDecision, 'allow'>, string> = {
  'explicit-deny': 'User is not authorized to access this resource with an explicit deny',
  'implicit-deny': 'User is not authorized to access this resource',
};

/** The body of an authorizer that failed or answered something API Gateway cannot read. */
const AUTHORIZER_ERROR_BODY = '{"message": null}';

/** Each API's cached authorizer answers, dropped with the API model when a new synth is served. */
const caches = new WeakMap<RestApiModel, AuthorizerCache<PolicyAuthorizerResult>>();

/**
 * The authorization check of the method request: runs the method's Lambda or Cognito authorizer, and lets
 * the request through (with `$context.authorizer` set) or ends it with `UNAUTHORIZED` (401),
 * `ACCESS_DENIED` (403), `AUTHORIZER_CONFIGURATION_ERROR` or `AUTHORIZER_FAILURE` (500) — gateway responses,
 * so their customisations apply. Methods with `AuthorizationType` `NONE` cost nothing.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 */
export const authorizeMethodRequest: MethodRequestCheck = (state) => {
  const authorization = state.route.method.authorization;
  if (!authorization) return undefined;
  if (authorization.type === 'COGNITO_USER_POOLS') {
    return authorizeWithCognito(state, authorization.authorizer, authorization.scopes);
  }
  return authorizeWithLambda(state, authorization.authorizer);
};

/**
 * A Lambda authorizer: its identity sources must all be present (and a `TOKEN` must match the validation
 * expression) or the answer is 401 without calling the function; its answer — the function's, or the one
 * cached for the same identity source values — is a policy evaluated against this request's method ARN.
 */
async function authorizeWithLambda(
  state: RequestState,
  authorizer: RestLambdaAuthorizer,
): Promise<GatewayResponse | undefined> {
  const values = identityValues(authorizer.identitySources, restIdentityLookups(state));
  if (!values) {
    state.logger.info(`${state.requestId} ${authorizer.logicalId}: an identity source is missing or empty`);
    return state.fail('UNAUTHORIZED');
  }
  const token = authorizer.type === 'TOKEN' ? values[0] : undefined;
  if (
    token !== undefined &&
    authorizer.validationExpression &&
    !authorizer.validationExpression.test(token)
  ) {
    state.logger.info(
      `${state.requestId} ${authorizer.logicalId}: the token does not match the validation expression`,
    );
    return state.fail('UNAUTHORIZED');
  }
  const arn = methodArn({
    ...state.api,
    stage: state.stage.name,
    httpMethod: state.request.method,
    path: pathBelowStage(state),
  });
  let cache = caches.get(state.api);
  if (!cache) {
    cache = new AuthorizerCache();
    caches.set(state.api, cache);
  }
  const key = cacheKey(authorizer.authorizerId, values);
  let result = cache.get(key);
  let latency = 0;
  if (!result) {
    const startedAt = Date.now();
    const answer = await invokeAuthorizer(state, authorizer, arn, token);
    if ('status' in answer) return answer;
    latency = Date.now() - startedAt;
    result = answer;
    cache.set(key, result, authorizer.ttlSeconds);
  }
  const decision = result.policy.evaluate(arn);
  if (decision !== 'allow') {
    state.logger.info(`${state.requestId} ${authorizer.logicalId}: ${decision} for ${arn}`);
    const message = DENIED[decision];
    return state.fail('ACCESS_DENIED', { message, body: `{"Message":${JSON.stringify(message)}}` });
  }
  state.usageIdentifierKey = result.usageIdentifierKey;
  state.authorize({
    ...Object.fromEntries(Object.entries(result.context).map(([name, value]) => [name, String(value)])),
    principalId: result.principalId ?? '',
    integrationLatency: latency,
  });
  return undefined;
}

async function invokeAuthorizer(
  state: RequestState,
  authorizer: RestLambdaAuthorizer,
  arn: string,
  token: string | undefined,
): Promise<PolicyAuthorizerResult | GatewayResponse> {
  const event = lambdaAuthorizerEvent(state, authorizer, arn, token);
  const outcome = await state.deps.runtime.invoke(authorizer.lambda, state.requestId, event);
  const id = authorizer.logicalId;
  if (outcome.kind === 'function-error' && outcome.error.errorMessage === 'Unauthorized') {
    state.logger.info(`${state.requestId} ${id}: the authorizer answered Unauthorized`);
    return state.fail('UNAUTHORIZED');
  }
  if (outcome.kind !== 'success') {
    state.logger.error(
      `${state.requestId} ${id}: Execution failed due to configuration error: Authorizer error (${outcome.kind}: ${outcome.error.errorType}: ${outcome.error.errorMessage})`,
    );
    const type = outcome.kind === 'function-error' ? 'AUTHORIZER_CONFIGURATION_ERROR' : 'AUTHORIZER_FAILURE';
    return state.fail(type, { body: AUTHORIZER_ERROR_BODY });
  }
  const result = readPolicyResult(outcome.payload, true);
  if ('invalid' in result) {
    state.logger.error(
      `${state.requestId} ${id}: Execution failed due to configuration error: ${result.invalid}`,
    );
    return state.fail('AUTHORIZER_CONFIGURATION_ERROR', { body: AUTHORIZER_ERROR_BODY });
  }
  return result;
}

/** Where a REST API's identity sources read their values: the request, `$context` and the stage. */
export function restIdentityLookups(state: RequestState): IdentityLookups {
  return {
    header: (name) => headerValue(state.request.rawHeaders, name.toLowerCase()),
    querystring: (name) => parseQuery(state.request.rawQuery).single?.[name],
    stageVariable: (name) => state.stage.variables?.[name],
    context: (name) => {
      let value: unknown = state.context;
      for (const part of name.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
      return value === undefined || value === null ? undefined : String(value);
    },
  };
}

function pathBelowStage(state: RequestState): string {
  const prefix = `/${state.stage.name}`;
  const path = state.request.path;
  return path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path;
}
