import type { IdentityLookups } from '../auth/identity-source.js';
import type { LambdaRuntime } from '../lambda/lambda-runtime.js';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { HttpEventInput } from './event-input.js';
import { headerPairs } from './event-input.js';
import type { PayloadFormatVersion } from './http-api-model.js';
import { joinedQueryParameters } from './payload-v2-event.js';

/** What an HTTP API authorizer needs: the request as events see it, and the runtime of Lambda authorizers. */
export interface HttpAuthorizationInput {
  readonly event: HttpEventInput;
  readonly runtime: LambdaRuntime;
  readonly logger: GatewayLogger;
}

/** What a route's authorizer passed on once it let the request through. */
export type HttpAuthorizerResult =
  | {
      readonly kind: 'jwt';
      /** The token's claims, every value a string. */
      readonly claims: Readonly<Record<string, string>>;
      /** The token's scopes; `null` when it has none. */
      readonly scopes: readonly string[] | null;
    }
  | {
      readonly kind: 'lambda';
      /** The `context` the function returned. */
      readonly context: Readonly<Record<string, unknown>>;
      /** `principalId`, for an IAM policy answer. */
      readonly principalId: string | undefined;
      /** How long the function took, in ms (0 for a cached answer). */
      readonly latency: number;
    };

/** An authorizer's refusal: API Gateway's status, body and extra headers (`www-authenticate`). */
export interface HttpRefusal {
  readonly status: number;
  readonly body: string;
  readonly headers: Array<[string, string]>;
}

/** The body of API Gateway's 401 when an HTTP API authorizer refuses the request. */
export const UNAUTHORIZED_BODY = '{"message":"Unauthorized"}';
/** The body of API Gateway's 403 when an authorizer denies the request. */
export const FORBIDDEN_BODY = '{"message":"Forbidden"}';
/** The body of API Gateway's 500 when a Lambda authorizer fails (the same as a failing integration's). */
export const AUTHORIZER_FAILED_BODY = '{"message":"Internal Server Error"}';

/**
 * `requestContext.authorizer` of the integration's event. Payload 2.0: `{jwt: {claims, scopes}}` or
 * `{lambda: context}`. Payload 1.0: `{claims, scopes}`, or the context's values as strings with
 * `principalId` and `integrationLatency`, as a REST API passes them.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function eventAuthorizer(
  result: HttpAuthorizerResult,
  version: PayloadFormatVersion,
): Readonly<Record<string, unknown>> {
  if (result.kind === 'jwt') {
    const jwt = { claims: result.claims, scopes: result.scopes };
    return version === '2.0' ? { jwt } : jwt;
  }
  if (version === '2.0') return { lambda: result.context };
  return {
    ...Object.fromEntries(Object.entries(result.context).map(([name, value]) => [name, String(value)])),
    principalId: result.principalId ?? '',
    integrationLatency: result.latency,
  };
}

/**
 * `$context.authorizer` of a parameter mapping: `claims` and `scopes` of a JWT authorizer
 * (`$context.authorizer.claims.sub`), or the context of a Lambda authorizer (`$context.authorizer.user`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export function contextAuthorizer(result: HttpAuthorizerResult): Readonly<Record<string, unknown>> {
  return result.kind === 'jwt'
    ? { claims: result.claims, scopes: result.scopes }
    : { ...result.context, principalId: result.principalId ?? '' };
}

/** Where an HTTP API's identity sources read their values. */
export function httpIdentityLookups(event: HttpEventInput): IdentityLookups {
  const { request, stage } = event;
  return {
    header: (name) => {
      const lower = name.toLowerCase();
      const values = [...headerPairs(request.rawHeaders)].filter(([n]) => n.toLowerCase() === lower);
      return values.length === 0 ? undefined : values.map(([, value]) => value).join(',');
    },
    querystring: (name) => joinedQueryParameters(request.rawQuery)?.[name],
    stageVariable: (name) => stage.variables?.[name] ?? undefined,
    context: (name) => contextVariable(event, name),
  };
}

function contextVariable(event: HttpEventInput, name: string): string | undefined {
  const { request, stage, api } = event;
  switch (name) {
    case 'routeKey':
      return event.match.route.key.text;
    case 'stage':
      return stage.name;
    case 'httpMethod':
      return request.method;
    case 'path':
      return request.path;
    case 'requestId':
      return event.requestId;
    case 'apiId':
      return api.apiId;
    case 'accountId':
      return api.accountId;
    case 'identity.sourceIp':
      return request.sourceIp.replace(/^::ffff:/, '');
    default:
      return undefined;
  }
}
