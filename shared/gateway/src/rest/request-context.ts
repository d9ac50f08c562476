import type { GatewayRequest } from '../server/gateway-request.js';
import { headerValue } from '../server/gateway-request.js';
import type { RestApiModel, RestStage } from './rest-api-model.js';
import type { RestRoute } from './rest-router.js';

/** `requestContext.identity` of a REST API request. */
export interface RestIdentity {
  readonly accessKey: null;
  readonly accountId: null;
  readonly caller: null;
  readonly cognitoAuthenticationProvider: null;
  readonly cognitoAuthenticationType: null;
  readonly cognitoIdentityId: null;
  readonly cognitoIdentityPoolId: null;
  readonly principalOrgId: null;
  readonly sourceIp: string;
  readonly user: null;
  readonly userAgent: string | null;
  readonly userArn: null;
  /** The API key a method with `ApiKeyRequired` accepted, and its ID; absent otherwise. */
  readonly apiKey?: string;
  readonly apiKeyId?: string;
}

/**
 * The request context of a REST API request: the `requestContext` of a payload 1.0 proxy event, and the
 * base of `$context` in mapping templates.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
 */
export interface RestRequestContext {
  readonly accountId: string;
  readonly apiId: string;
  /** `$context.authorizer`: what the method's authorizer passed on, once it let the request through. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
  readonly deploymentId: string;
  readonly domainName: string;
  readonly domainPrefix: string;
  readonly extendedRequestId: string;
  readonly httpMethod: string;
  readonly identity: RestIdentity;
  /**
   * The path as sent, with the stage, e.g. `/prod/items`: slashes before the stage collapse into one,
   * empty segments after it stay (`/prod//items`).
   */
  readonly path: string;
  readonly protocol: string;
  readonly requestId: string;
  /** e.g. `25/Nov/2026:12:50:42 +0000`. */
  readonly requestTime: string;
  readonly requestTimeEpoch: number;
  readonly resourceId: string;
  /** e.g. `/items/{id}`. */
  readonly resourcePath: string;
  readonly stage: string;
}

/** The identity of a caller without IAM or Cognito credentials: every field `null` but address and agent. */
export function anonymousIdentity(sourceIp: string, userAgent: string | null): RestIdentity {
  return {
    accessKey: null,
    accountId: null,
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Formats a time the way `$context.requestTime` shows it (CLF): `25/Nov/2026:12:50:42 +0000`. */
export function clfTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Builds the request context of one request. */
export function restRequestContext(
  api: RestApiModel,
  stage: RestStage,
  route: RestRoute,
  request: GatewayRequest,
  ids: {
    readonly requestId: string;
    readonly extendedRequestId: string;
    readonly apiKey?: { readonly value: string; readonly id: string } | undefined;
  },
  authorizer?: Readonly<Record<string, unknown>>,
): RestRequestContext {
  const host = headerValue(request.rawHeaders, 'host') ?? '127.0.0.1';
  return {
    accountId: api.accountId,
    apiId: api.apiId,
    ...(authorizer ? { authorizer } : {}),
    deploymentId: stage.deploymentId,
    domainName: host,
    domainPrefix: host.split('.')[0]!.split(':')[0]!,
    extendedRequestId: ids.extendedRequestId,
    httpMethod: request.method,
    identity: {
      ...anonymousIdentity(
        request.sourceIp.replace(/^::ffff:/, ''),
        headerValue(request.rawHeaders, 'user-agent') ?? null,
      ),
      ...(ids.apiKey ? { apiKey: ids.apiKey.value, apiKeyId: ids.apiKey.id } : {}),
    },
    path: request.path.replace(/^\/+/, '/'),
    protocol: request.protocol,
    requestId: ids.requestId,
    requestTime: clfTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt,
    resourceId: route.resource.id,
    resourcePath: route.resource.path,
    stage: stage.name,
  };
}
