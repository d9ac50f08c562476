import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { IntrinsicResolver } from './assembly/intrinsics.js';
import { loadAssembly } from './assembly/load-assembly.js';
import { localPseudoParameters } from './assembly/pseudo-parameters.js';
import { mintUserPoolToken } from './auth/mint-token.js';
import { readUserPools, type UserPoolDefinition } from './auth/user-pools.js';
import { GatewayConfigError } from './errors.js';

const KINDS: Record<string, string> = { id: 'an ID token', access: 'an access token' };

/** The usage line of `cors-gateway token`. */
export const TOKEN_USAGE =
  'usage: cors-gateway token [<cdk.out dir | template.json>] --user-pool <logicalId> [--claims JSON]';

/**
 * `cors-gateway token [<cdk.out dir | template.json>] --user-pool <logicalId> [--claims JSON]`: prints, on
 * its last line, a token of that user pool signed by the local issuer, which every gateway on this machine
 * serving the assembly accepts. The assembly defaults to `./cdk.out`. `--claims` replaces or adds claims
 * (`{"token_use":"access","scope":"orders/read"}` for an access token; `null` removes a claim), so that
 * expired or wrong-audience tokens can be made on purpose. What the token holds goes to standard error.
 * @returns the exit code: 0, or 2 for a usage error or an assembly without that pool
 */
export async function runTokenCommand(argv: readonly string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`cors-gateway token: ${message}\n${TOKEN_USAGE}\n`);
    return 2;
  };
  let values: { 'user-pool'?: string; claims?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { 'user-pool': { type: 'string' }, claims: { type: 'string' } },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (positionals.length > 1)
    return fail(`expected one assembly, got ${JSON.stringify(positionals.join(' '))}`);
  const logicalId = values['user-pool'];
  if (!logicalId) return fail('--user-pool <logicalId> is required');
  let overrides: Record<string, unknown> = {};
  if (values.claims !== undefined) {
    try {
      overrides = JSON.parse(values.claims) as Record<string, unknown>;
    } catch (error) {
      return fail(`--claims must be a JSON object: ${(error as Error).message}`);
    }
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
      return fail(`--claims must be a JSON object, got ${values.claims}`);
    }
  }
  let minted: { token: string; pool: UserPoolDefinition };
  try {
    minted = await mintPoolToken({
      source: positionals[0] ?? 'cdk.out',
      userPool: logicalId,
      claims: overrides,
    });
  } catch (error) {
    if (error instanceof GatewayConfigError) return fail(error.message);
    throw error;
  }
  const { token, pool } = minted;
  const claims = decodeJwt(token);
  process.stderr.write(
    `cors-gateway token: ${KINDS[String(claims.token_use)] ?? 'a token'} of ${pool.logicalId} (${pool.stackName}), issuer ${pool.issuer}, for ${String(claims.aud ?? claims.client_id ?? 'no audience')}\n`,
  );
  process.stdout.write(`${token}\n`);
  return 0;
}

/** What {@link mintToken} needs. */
export interface MintTokenOptions {
  /** A cloud assembly folder (`cdk.out`) or one template file. */
  readonly source: string;
  /** The logical ID of the `AWS::Cognito::UserPool`, e.g. `Users0A0EEA89`. */
  readonly userPool: string;
  /**
   * Claims to replace or add (`null` removes one); `{"token_use": "access"}` makes an access token.
   * @default - an ID token of the pool's first app client, valid for an hour
   */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/**
 * Mints a token of a user pool of the assembly, signed by the local issuer: what `cors-gateway token` prints.
 * @throws GatewayConfigError when the assembly cannot be read or has no such user pool (the message lists the
 *   pools it has)
 * @example
 * ```ts
 * const token = await mintToken({ source: 'cdk.out', userPool: 'Users0A0EEA89' });
 * ```
 */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  return (await mintPoolToken(options)).token;
}

async function mintPoolToken(
  options: MintTokenOptions,
): Promise<{ token: string; pool: UserPoolDefinition }> {
  const pools = findUserPools(options.source);
  const pool = pools.find((candidate) => candidate.logicalId === options.userPool);
  if (!pool) {
    const known = pools.map((candidate) => `${candidate.logicalId} (${candidate.stackName})`).join(', ');
    throw new GatewayConfigError(
      `no user pool ${JSON.stringify(options.userPool)} in the assembly; it has ${known || 'none'}`,
      { file: options.source },
    );
  }
  return { token: await mintUserPoolToken(pool, options.claims), pool };
}

/** Every user pool of every stack of the assembly at `source`. */
function findUserPools(source: string): UserPoolDefinition[] {
  return loadAssembly(source).flatMap((stack) => {
    const resolver = new IntrinsicResolver(stack.template, stack.stackName, localPseudoParameters());
    return readUserPools(stack, resolver);
  });
}
