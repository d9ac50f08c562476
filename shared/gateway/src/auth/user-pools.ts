import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';

/** An app client of a user pool. */
export interface UserPoolClientDefinition {
  readonly logicalId: string;
  /** The client ID: the `aud` of its ID tokens, the `client_id` of its access tokens. */
  readonly clientId: string;
}

/**
 * An `AWS::Cognito::UserPool` of the assembly, for which the local gateway acts as the token issuer (see
 * `local-issuer.ts`).
 */
export interface UserPoolDefinition {
  readonly stackName: string;
  readonly logicalId: string;
  /** The pool ID, as `Ref` resolves it, e.g. `us-east-1_k3v9q0x2a`. */
  readonly poolId: string;
  /** `Fn::GetAtt [pool, Arn]`: what a REST authorizer's `ProviderARNs` lists. */
  readonly arn: string;
  /** `https://cognito-idp.{region}.amazonaws.com/{poolId}`: the `iss` of the pool's tokens. */
  readonly issuer: string;
  /** The pool's app clients in template order (`AWS::Cognito::UserPoolClient`). */
  readonly clients: readonly UserPoolClientDefinition[];
}

/**
 * Reads every `AWS::Cognito::UserPool` of a stack with its app clients.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function readUserPools(stack: LoadedStack, resolver: IntrinsicResolver): UserPoolDefinition[] {
  const resources = Object.entries(stack.template.Resources ?? {});
  const pools: UserPoolDefinition[] = [];
  for (const [logicalId, resource] of resources) {
    if (resource.Type !== 'AWS::Cognito::UserPool') continue;
    const poolId = resolver.ref(logicalId) as string;
    const clients: UserPoolClientDefinition[] = [];
    for (const [clientLogicalId, client] of resources) {
      if (client.Type !== 'AWS::Cognito::UserPoolClient') continue;
      let owner: unknown;
      try {
        owner = resolver.resolve(client.Properties?.UserPoolId);
      } catch {
        continue;
      }
      if (owner === poolId) {
        clients.push({ logicalId: clientLogicalId, clientId: resolver.ref(clientLogicalId) as string });
      }
    }
    pools.push({
      stackName: stack.stackName,
      logicalId,
      poolId,
      arn: resolver.getAtt([logicalId, 'Arn']),
      issuer: `https://cognito-idp.${resolver.pseudo.region}.amazonaws.com/${poolId}`,
      clients,
    });
  }
  return pools;
}
