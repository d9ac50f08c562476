import type { IdentitySource } from '../auth/identity-source.js';
import type { TrustedIssuer } from '../auth/trusted-issuers.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';

/** A JWT authorizer (`AuthorizerType: JWT`) of an HTTP API. */
export interface HttpJwtAuthorizer {
  readonly kind: 'jwt';
  readonly logicalId: string;
  /** The authorizer ID, as `Ref` resolves it (what a route's `AuthorizerId` names). */
  readonly authorizerId: string;
  /** Where the token is: one header or query string parameter. */
  readonly identitySource: IdentitySource;
  /** `JwtConfiguration.Issuer`, with the keys that verify its tokens. */
  readonly issuer: TrustedIssuer;
  /** `JwtConfiguration.Audience`; empty when not configured (the audience is then not checked). */
  readonly audiences: readonly string[];
}

/** A Lambda authorizer (`AuthorizerType: REQUEST`) of an HTTP API. */
export interface HttpLambdaAuthorizer {
  readonly kind: 'lambda';
  readonly logicalId: string;
  readonly authorizerId: string;
  /** `IdentitySource`: each must be present and non-empty, or the answer is 401 without calling the function. */
  readonly identitySources: readonly IdentitySource[];
  /** The function `AuthorizerUri` invokes. */
  readonly lambda: LambdaFunctionDefinition;
  /** `AuthorizerPayloadFormatVersion`: the event's shape, and the answers the function may give. */
  readonly payloadFormatVersion: '1.0' | '2.0';
  /** `EnableSimpleResponses` (payload 2.0 only): the function answers `{isAuthorized, context}`. */
  readonly simpleResponses: boolean;
  /**
   * `AuthorizerResultTtlInSeconds`.
   * @default 0
   */
  readonly ttlSeconds: number;
}

/** An `AWS::ApiGatewayV2::Authorizer` of an HTTP API. */
export type HttpAuthorizer = HttpJwtAuthorizer | HttpLambdaAuthorizer;

/**
 * How a route is authorized: `AuthorizationType` `JWT` with its `AuthorizationScopes`, or `CUSTOM` (a Lambda
 * authorizer). `undefined` on a route means `NONE`.
 */
export type HttpRouteAuthorization =
  | { readonly type: 'JWT'; readonly authorizer: HttpJwtAuthorizer; readonly scopes: readonly string[] }
  | { readonly type: 'CUSTOM'; readonly authorizer: HttpLambdaAuthorizer };
