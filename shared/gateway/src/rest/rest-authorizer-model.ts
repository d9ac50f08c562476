import type { IdentitySource } from '../auth/identity-source.js';
import type { TrustedIssuer } from '../auth/trusted-issuers.js';
import type { LambdaFunctionDefinition } from '../lambda/lambda-function.js';

/** What every `AWS::ApiGateway::Authorizer` the gateway serves has. */
interface RestAuthorizerBase {
  readonly logicalId: string;
  /** The authorizer ID, as `Ref` resolves it (what a method's `AuthorizerId` names). */
  readonly authorizerId: string;
  /** `IdentitySource`, parsed; a request missing one of them is answered 401 at once. */
  readonly identitySources: readonly IdentitySource[];
  /**
   * `IdentityValidationExpression`, as a full-match regular expression: tested against the token of a
   * `TOKEN` authorizer, or the `aud` of a Cognito token; a token that does not match is answered 401.
   */
  readonly validationExpression: RegExp | undefined;
  /**
   * `AuthorizerResultTtlInSeconds`: how long an answer is reused for the same identity source values.
   * @default 300
   */
  readonly ttlSeconds: number;
}

/** A Lambda authorizer (`Type` `TOKEN` or `REQUEST`). */
export interface RestLambdaAuthorizer extends RestAuthorizerBase {
  readonly type: 'TOKEN' | 'REQUEST';
  /** The function `AuthorizerUri` invokes. */
  readonly lambda: LambdaFunctionDefinition;
}

/** A Cognito user pool authorizer (`Type` `COGNITO_USER_POOLS`). */
export interface RestCognitoAuthorizer extends RestAuthorizerBase {
  readonly type: 'COGNITO_USER_POOLS';
  /** The issuers of `ProviderARNs`, with the keys that verify their tokens. */
  readonly issuers: readonly TrustedIssuer[];
}

/** An `AWS::ApiGateway::Authorizer`. */
export type RestAuthorizer = RestLambdaAuthorizer | RestCognitoAuthorizer;

/**
 * How a method is authorized: its `AuthorizationType`, with the authorizer of `AuthorizerId` and, for a
 * Cognito authorizer, its `AuthorizationScopes`. `undefined` on a method means `NONE`.
 */
export type RestMethodAuthorization =
  | { readonly type: 'CUSTOM'; readonly authorizer: RestLambdaAuthorizer }
  | {
      readonly type: 'COGNITO_USER_POOLS';
      readonly authorizer: RestCognitoAuthorizer;
      /** `AuthorizationScopes`: with scopes an access token is expected, without them an ID token. */
      readonly scopes: readonly string[];
    };
