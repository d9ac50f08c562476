import { createHash } from 'node:crypto';
import { localSigningKey, signLocalToken } from './local-issuer.js';
import type { UserPoolDefinition } from './user-pools.js';

/** The user the local issuer signs tokens for, unless `--claims` names another. */
export const LOCAL_USERNAME = 'local-user';

/** How long a minted token is valid: an hour, as Cognito's ID and access tokens by default. */
const LIFETIME_SECONDS = 3600;

/**
 * The claims of a token of `pool`, shaped like Cognito's: an ID token (`token_use: "id"`, `aud` the pool's
 * first app client) unless `overrides.token_use` is `"access"`, which gives an access token (`client_id`,
 * `scope`, `username`). `overrides` replace or add claims; a `null` override removes the claim.
 * @param now - epoch milliseconds
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
export function userPoolClaims(
  pool: UserPoolDefinition,
  overrides: Readonly<Record<string, unknown>> = {},
  now = Date.now(),
): Record<string, unknown> {
  const seconds = Math.floor(now / 1000);
  const username =
    typeof overrides['cognito:username'] === 'string' ? overrides['cognito:username'] : LOCAL_USERNAME;
  const clientId = pool.clients[0]?.clientId;
  const common = {
    sub: uuidFrom(`${pool.poolId}/${username}`),
    iss: pool.issuer,
    auth_time: seconds,
    exp: seconds + LIFETIME_SECONDS,
    iat: seconds,
    jti: uuidFrom(`${pool.poolId}/${username}/${now}/${Math.random()}`),
  };
  const base =
    overrides.token_use === 'access'
      ? {
          ...common,
          token_use: 'access',
          ...(clientId ? { client_id: clientId } : {}),
          scope: 'aws.cognito.signin.user.admin',
          username,
        }
      : { ...common, token_use: 'id', ...(clientId ? { aud: clientId } : {}), 'cognito:username': username };
  const claims: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

/**
 * A token of `pool` signed by the local issuer, which every gateway on this machine accepts for that pool.
 * @example
 * ```ts
 * const token = await mintUserPoolToken(pool, { token_use: 'access', scope: 'orders/read' });
 * ```
 */
export function mintUserPoolToken(
  pool: UserPoolDefinition,
  overrides: Readonly<Record<string, unknown>> = {},
  keyDir?: string,
): Promise<string> {
  return signLocalToken(localSigningKey(keyDir), userPoolClaims(pool, overrides));
}

/** A UUID-shaped ID derived from `seed`, so the same user keeps the same `sub`. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
