import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { loadAssembly } from '../../src/assembly/load-assembly.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { readUserPools, type UserPoolDefinition } from '../../src/auth/user-pools.js';

/**
 * Gives the test file its own local issuer key folder, so tests never touch the machine's key. Call it at
 * the top of a test file, before any gateway starts.
 */
export function isolateIssuerKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-issuer-'));
  process.env.CORS_GATEWAY_KEY_DIR = dir;
  return dir;
}

/** A user pool (`Pool`) with one app client (`PoolClient`), as CDK writes them. */
export const USER_POOL_RESOURCES = {
  Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
  PoolClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' } } },
};

/** The user pool `logicalId` of the template in `file`, as the gateway reads it. */
export function userPoolOf(file: string, logicalId = 'Pool'): UserPoolDefinition {
  const [stack] = loadAssembly(file);
  const resolver = new IntrinsicResolver(stack!.template, stack!.stackName, localPseudoParameters());
  const pool = readUserPools(stack!, resolver).find((candidate) => candidate.logicalId === logicalId);
  if (!pool) throw new Error(`no user pool ${logicalId} in ${file}`);
  return pool;
}
