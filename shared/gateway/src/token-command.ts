import { parseArgs } from 'node:util';
import { IntrinsicResolver, localPseudoParameters } from './assembly/intrinsics.js';
import { loadAssembly } from './assembly/load-assembly.js';
import { mintUserPoolToken, userPoolClaims } from './auth/mint-token.js';
import { readUserPools, type UserPoolDefinition } from './auth/user-pools.js';
import { GatewayConfigError } from './errors.js';

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
  let pools: UserPoolDefinition[];
  try {
    pools = findUserPools(positionals[0] ?? 'cdk.out');
  } catch (error) {
    if (error instanceof GatewayConfigError) return fail(error.message);
    throw error;
  }
  const pool = pools.find((candidate) => candidate.logicalId === logicalId);
  if (!pool) {
    const known = pools.map((candidate) => `${candidate.logicalId} (${candidate.stackName})`).join(', ');
    return fail(`no user pool ${JSON.stringify(logicalId)} in the assembly; it has ${known || 'none'}`);
  }
  const token = await mintUserPoolToken(pool, overrides);
  const claims = userPoolClaims(pool, overrides);
  process.stderr.write(
    `cors-gateway token: a ${claims.token_use ?? 'custom'} token of ${pool.logicalId} (${pool.stackName}), issuer ${pool.issuer}, for ${String(claims.aud ?? claims.client_id ?? 'no audience')}\n`,
  );
  process.stdout.write(`${token}\n`);
  return 0;
}

/** Every user pool of every stack of the assembly at `source`. */
function findUserPools(source: string): UserPoolDefinition[] {
  return loadAssembly(source).flatMap((stack) => {
    const resolver = new IntrinsicResolver(stack.template, stack.stackName, localPseudoParameters());
    return readUserPools(stack, resolver);
  });
}
