import { AuthorizerCache, cacheKey } from '../auth/authorizer-cache.js';
import { identityValues } from '../auth/identity-source.js';
import {
  type InvalidAuthorizerResult,
  type PolicyAuthorizerResult,
  readPolicyResult,
  readSimpleResult,
  type SimpleAuthorizerResult,
} from '../auth/lambda-authorizer-result.js';
import { methodArn } from '../auth/method-arn.js';
import type { HttpApiModel } from './http-api-model.js';
import type { HttpLambdaAuthorizer } from './http-authorizer-model.js';
import {
  AUTHORIZER_FAILED_BODY,
  FORBIDDEN_BODY,
  type HttpAuthorizationInput,
  type HttpAuthorizerResult,
  type HttpRefusal,
  httpIdentityLookups,
  UNAUTHORIZED_BODY,
} from './http-authorizer-result.js';
import { httpProxyEventV1 } from './payload-v1-event.js';
import { httpProxyEventV2 } from './payload-v2-event.js';

type LambdaAnswer = PolicyAuthorizerResult | SimpleAuthorizerResult;

/** Each API's cached Lambda authorizer answers, dropped with the API model when a new synth is served. */
const caches = new WeakMap<HttpApiModel, AuthorizerCache<LambdaAnswer>>();

const UNAUTHORIZED: HttpRefusal = { status: 401, body: UNAUTHORIZED_BODY, headers: [] };
const FORBIDDEN: HttpRefusal = { status: 403, body: FORBIDDEN_BODY, headers: [] };
const FAILED: HttpRefusal = { status: 500, body: AUTHORIZER_FAILED_BODY, headers: [] };

/**
 * A Lambda (`REQUEST`) authorizer of an HTTP API: its identity sources must all be present or the answer is
 * 401 without calling the function; the function's answer — or the one cached for the same identity source
 * values — is a simple `{isAuthorized}` (with `EnableSimpleResponses`) or an IAM policy evaluated against the
 * route ARN. A refusal is `403 {"message":"Forbidden"}`; a function that fails or answers something API
 * Gateway cannot read is `500 {"message":"Internal Server Error"}`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export async function authorizeWithHttpLambda(
  input: HttpAuthorizationInput,
  authorizer: HttpLambdaAuthorizer,
): Promise<HttpAuthorizerResult | HttpRefusal> {
  const { event, logger } = input;
  const values = identityValues(authorizer.identitySources, httpIdentityLookups(event));
  if (!values) {
    logger.info(`${event.requestId} ${authorizer.logicalId}: an identity source is missing or empty`);
    return UNAUTHORIZED;
  }
  const stagePrefix = event.stage.name === '$default' ? '' : `/${event.stage.name}`;
  const routeArn = methodArn({
    ...event.api,
    stage: event.stage.name,
    httpMethod: event.request.method,
    path: event.request.path.slice(stagePrefix.length) || '/',
  });
  let cache = caches.get(event.api);
  if (!cache) {
    cache = new AuthorizerCache();
    caches.set(event.api, cache);
  }
  const key = cacheKey(authorizer.authorizerId, values);
  let answer = cache.get(key);
  let latency = 0;
  if (!answer) {
    const startedAt = Date.now();
    const invoked = await invoke(input, authorizer, routeArn, values);
    if ('status' in invoked) return invoked;
    latency = Date.now() - startedAt;
    answer = invoked;
    cache.set(key, answer, authorizer.ttlSeconds);
  }
  const allowed =
    answer.kind === 'simple' ? answer.isAuthorized : answer.policy.evaluate(routeArn) === 'allow';
  if (!allowed) {
    logger.info(`${event.requestId} ${authorizer.logicalId}: not authorized for ${routeArn}`);
    return FORBIDDEN;
  }
  return {
    kind: 'lambda',
    context: answer.context,
    principalId: answer.kind === 'policy' ? answer.principalId : undefined,
    latency,
  };
}

async function invoke(
  input: HttpAuthorizationInput,
  authorizer: HttpLambdaAuthorizer,
  routeArn: string,
  values: readonly string[],
): Promise<LambdaAnswer | HttpRefusal> {
  const { event, logger } = input;
  const outcome = await input.runtime.invoke(
    authorizer.lambda,
    event.requestId,
    authorizerEvent(input, authorizer, routeArn, values),
  );
  const id = `${event.requestId} ${authorizer.logicalId}`;
  if (outcome.kind === 'function-error' && outcome.error.errorMessage === 'Unauthorized') {
    logger.info(`${id}: the authorizer answered Unauthorized`);
    return UNAUTHORIZED;
  }
  if (outcome.kind !== 'success') {
    logger.error(
      `${id}: the authorizer failed (${outcome.kind}): ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    );
    return FAILED;
  }
  const answer: LambdaAnswer | InvalidAuthorizerResult = authorizer.simpleResponses
    ? readSimpleResult(outcome.payload)
    : readPolicyResult(outcome.payload, authorizer.payloadFormatVersion === '1.0');
  if ('invalid' in answer) {
    logger.error(`${id}: the authorizer's answer is invalid: ${answer.invalid}`);
    return FAILED;
  }
  return answer;
}

/**
 * The event of an HTTP API Lambda authorizer. Payload 2.0: `version`, `type`, `routeArn`, `identitySource`
 * (the values, a list), then the request as a 2.0 integration sees it, without its body. Payload 1.0:
 * `version`, `type`, `methodArn`, `identitySource` and `authorizationToken` (the values joined with `,`),
 * then the 1.0 event without its body.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html#http-api-lambda-authorizer.payload-format
 */
function authorizerEvent(
  input: HttpAuthorizationInput,
  authorizer: HttpLambdaAuthorizer,
  routeArn: string,
  values: readonly string[],
): Record<string, unknown> {
  if (authorizer.payloadFormatVersion === '2.0') {
    const { version, body: _body, isBase64Encoded: _encoded, ...request } = httpProxyEventV2(input.event);
    return { version, type: 'REQUEST', routeArn, identitySource: values, ...request };
  }
  const { version, body: _body, isBase64Encoded: _encoded, ...request } = httpProxyEventV1(input.event);
  const joined = values.join(',');
  return {
    version,
    type: 'REQUEST',
    methodArn: routeArn,
    identitySource: joined,
    authorizationToken: joined,
    ...request,
  };
}
