import { GatewayConfigError } from '../errors.js';
import type { LoadedStack } from './load-assembly.js';
import { UnresolvableValueError } from './unresolvable-value.js';

/**
 * Runs `read` and turns an error that names no resource (an intrinsic without a local value, say) into a
 * {@link GatewayConfigError} that names the template and, when the intrinsic is found in it, the resource
 * (or output) that holds it.
 */
export function namingTheResource<T>(stack: LoadedStack, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GatewayConfigError) throw error;
    const node = error instanceof UnresolvableValueError ? error.node : undefined;
    const resource = node === undefined ? undefined : holderOf(stack, node);
    throw new GatewayConfigError((error as Error).message, {
      file: stack.templateFile,
      ...(resource ? { resource } : {}),
    });
  }
}

/** The logical ID of the resource, or `Outputs.<name>` of the output, whose value holds `node` itself. */
export function holderOf(stack: LoadedStack, node: unknown): string | undefined {
  for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
    if (contains(resource, node)) return logicalId;
  }
  for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
    if (contains(output, node)) return `Outputs.${name}`;
  }
  return undefined;
}

function contains(value: unknown, node: unknown): boolean {
  if (value === node) return true;
  if (value === null || typeof value !== 'object') return false;
  for (const child of Object.values(value)) if (contains(child, node)) return true;
  return false;
}
