import { resolve } from 'node:path';
import type { PreparedStack } from './assembly/prepare-assembly.js';
import { GatewayConfigError } from './errors.js';

/**
 * The error for an input that holds no API to serve, saying what it holds instead: its stacks with their
 * number of resources, and the APIs that were found but have no deployed stage. The CLI exits with code 2.
 */
export function nothingToServe(
  source: string,
  stacks: readonly PreparedStack[],
  undeployed: readonly string[],
): GatewayConfigError {
  const described = stacks.map(({ stack }) => {
    const resources = Object.values(stack.template.Resources ?? {});
    const nested = stack.nestedStacks?.length ? `, ${stack.nestedStacks.length} nested stack(s) inlined` : '';
    return `${stack.stackName} (${resources.length} resource${resources.length === 1 ? '' : 's'}${nested})`;
  });
  const found =
    undeployed.length > 0
      ? `the APIs found have no deployed stage: ${undeployed.join('; ')}`
      : 'no AWS::ApiGateway::RestApi and no AWS::ApiGatewayV2::Api was found';
  return new GatewayConfigError(
    `nothing to serve: ${found}. Stacks read: ${described.join(', ')} (see docs/behaviour.md#nothing-to-serve)`,
    { file: resolve(source) },
  );
}
