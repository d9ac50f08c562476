import { readFileSync } from 'node:fs';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';
import { GatewayConfigError } from '../errors.js';
import { localJwks, localSigningKey } from './local-issuer.js';
import { readUserPools, type UserPoolDefinition } from './user-pools.js';

/** An issuer whose tokens the gateway can verify, with the keys that verify them. */
export interface TrustedIssuer {
  /** The `iss` of its tokens. */
  readonly issuer: string;
  /** Finds the key of a token by its header's `kid`. */
  readonly keys: JWTVerifyGetKey;
  /** The user pool of the assembly it stands for, when the local issuer signs its tokens. */
  readonly pool: UserPoolDefinition | undefined;
  /** Where its keys come from, for messages: `the local issuer (<key file>)` or the JWKS file. */
  readonly keySource: string;
}

/**
 * The issuers the gateway trusts, without a network: every user pool of the assembly, whose tokens the local
 * issuer signs (`cors-gateway token`), and every issuer given a local JWKS file (`--jwks ISSUER=FILE`).
 * A JWKS file wins over the local issuer for the same issuer URL.
 */
export class TrustedIssuers {
  readonly #byIssuer = new Map<string, TrustedIssuer>();
  readonly #pools: readonly UserPoolDefinition[];
  readonly #keyDir: string | undefined;

  /**
   * @param pools - the user pools of the assembly
   * @param jwksFiles - issuer URL → path of a JWKS file (`{"keys":[…]}`)
   * @param keyDir - where the local issuer's key is kept
   * @default keyDir defaultKeyDir()
   * @throws GatewayConfigError naming the file when a JWKS file cannot be read or holds no key set
   */
  constructor(
    pools: readonly UserPoolDefinition[],
    jwksFiles: Readonly<Record<string, string>> = {},
    keyDir?: string,
  ) {
    this.#pools = pools;
    this.#keyDir = keyDir;
    for (const [issuer, file] of Object.entries(jwksFiles)) {
      const keys = createLocalJWKSet(readJwksFile(file));
      this.#byIssuer.set(issuer, { issuer, keys, pool: undefined, keySource: file });
    }
  }

  /** The trusted issuer of `iss`, or `undefined` when the gateway has no keys for it. */
  issuer(iss: string): TrustedIssuer | undefined {
    const known = this.#byIssuer.get(iss);
    if (known) return known;
    const pool = this.#pools.find((candidate) => candidate.issuer === iss);
    if (!pool) return undefined;
    const key = localSigningKey(this.#keyDir);
    const trusted: TrustedIssuer = {
      issuer: iss,
      keys: createLocalJWKSet(localJwks(key)),
      pool,
      keySource: `the local issuer (${key.file})`,
    };
    this.#byIssuer.set(iss, trusted);
    return trusted;
  }

  /** The user pool of the assembly with this ARN (`Fn::GetAtt [pool, Arn]`). */
  poolByArn(arn: string): UserPoolDefinition | undefined {
    return this.#pools.find((pool) => pool.arn === arn);
  }
}

/** The issuers of a stack's user pools, without JWKS files: what the API readers use when given none. */
export function stackIssuers(stack: LoadedStack, resolver: IntrinsicResolver): TrustedIssuers {
  return new TrustedIssuers(readUserPools(stack, resolver));
}

/** The issuer URL of a user pool ARN: `arn:aws:cognito-idp:{region}:{account}:userpool/{id}`. */
export function issuerOfPoolArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:cognito-idp:([^:]+):[^:]*:userpool\/(.+)$/.exec(arn);
  return match ? `https://cognito-idp.${match[1]}.amazonaws.com/${match[2]}` : undefined;
}

function readJwksFile(file: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GatewayConfigError(`the JWKS file cannot be read: ${(error as Error).message}`, { file });
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new GatewayConfigError('the JWKS file must hold {"keys": [ … ]} with at least one key', { file });
  }
  return parsed as JSONWebKeySet;
}
