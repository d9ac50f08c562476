import { GatewayConfigError } from '../errors.js';
import { expandApiDefinitions } from '../openapi/expand-definitions.js';
import { AssemblyExports } from './assembly-exports.js';
import type { CfnResource, CfnTemplate } from './cfn-template.js';
import { FunctionCatalog } from './function-catalog.js';
import { IntrinsicResolver } from './intrinsics.js';
import { type LoadedStack, readStacks, selectStacks } from './load-assembly.js';
import { namingTheResource } from './name-the-resource.js';
import { inlineNestedStacks } from './nested-stacks.js';
import { localPseudoParameters, type PseudoParameters } from './pseudo-parameters.js';

/** A stack ready to be read: its template with nested stacks inlined, and its resolver. */
export interface PreparedStack {
  readonly stack: LoadedStack;
  readonly resolver: IntrinsicResolver;
}

/** A cloud assembly ready to be read. */
export interface PreparedAssembly {
  /** The stacks to serve (all of them, or the one `--stack` names). */
  readonly selected: readonly PreparedStack[];
  /** Every stack of the assembly: what `Fn::ImportValue` and integrations may reach. */
  readonly all: readonly PreparedStack[];
  /** The Lambda functions of every stack, read when an integration invokes one. */
  readonly functions: FunctionCatalog;
}

/**
 * Reads a cloud assembly (or one template) and prepares every stack for the API readers: nested stacks
 * are inlined into their parents, resources and outputs whose `Condition` is false are dropped, APIs
 * defined by OpenAPI (or HTTP API quick create) are expanded into the resources their import creates, and
 * each stack gets a resolver that resolves `Fn::ImportValue` with the exports of the other stacks.
 * @param stack - serve only this stack (by `stackName` or artifact ID); the others stay importable
 * @throws GatewayConfigError naming the file and resource of what cannot be read
 */
export function prepareAssembly(
  source: string,
  stack?: string,
  pseudo: PseudoParameters = localPseudoParameters(),
): PreparedAssembly {
  const loaded = readStacks(source);
  const wanted = new Set(selectStacks(loaded, source, stack));
  const exports = new AssemblyExports();
  const resolverOf = (stack: LoadedStack) =>
    new IntrinsicResolver(stack.template, stack.stackName, pseudo, { imports: exports.lookup });
  // First every stack with its exports, so that any stack can import from any other.
  const read = loaded.map((original) => {
    const inlined = namingTheResource(original, () => inlineNestedStacks(original, pseudo));
    const prepared = namingTheResource(inlined, () => withoutDisabledParts(inlined, pseudo));
    const resolver = resolverOf(prepared);
    exports.add(prepared, resolver);
    return { original, prepared, resolver };
  });
  const all: PreparedStack[] = [];
  const selected: PreparedStack[] = [];
  for (const { original, prepared, resolver } of read) {
    const expanded = namingTheResource(prepared, () => expandApiDefinitions(prepared, resolver));
    const ready = { stack: expanded, resolver: expanded === prepared ? resolver : resolverOf(expanded) };
    all.push(ready);
    if (wanted.has(original)) selected.push(ready);
  }
  return { selected, all, functions: new FunctionCatalog(all) };
}

/** The stack without the resources and outputs whose `Condition` does not hold. */
function withoutDisabledParts(stack: LoadedStack, pseudo: PseudoParameters): LoadedStack {
  const { template } = stack;
  const conditional = Object.values(template.Resources ?? {}).some((r) => r.Condition !== undefined);
  const conditionalOutputs = Object.values(template.Outputs ?? {}).some((o) => o.Condition !== undefined);
  if (!conditional && !conditionalOutputs) return stack;
  const resolver = new IntrinsicResolver(template, stack.stackName, pseudo);
  const holds = (condition: string, where: string) => {
    try {
      return resolver.conditionHolds(condition);
    } catch (error) {
      throw new GatewayConfigError(
        `its Condition "${condition}" cannot be evaluated locally: ${(error as Error).message}`,
        { file: stack.templateFile, resource: where },
      );
    }
  };
  const resources: Record<string, CfnResource> = {};
  for (const [id, r] of Object.entries(template.Resources ?? {})) {
    if (r.Condition === undefined || holds(r.Condition, id)) resources[id] = r;
  }
  for (const [id, r] of Object.entries(resources)) {
    const dependsOn =
      r.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
    const dropped = dependsOn.filter((d) => template.Resources?.[d] && !resources[d]);
    if (dropped.length > 0) {
      // CloudFormation refuses to deploy such a template with this error.
      throw new GatewayConfigError(
        `Template format error: Unresolved resource dependencies [${dropped.join(', ')}] in the Resources block of the template (their Condition is false)`,
        { file: stack.templateFile, resource: id },
      );
    }
  }
  const outputs: NonNullable<CfnTemplate['Outputs']> = {};
  for (const [name, o] of Object.entries(template.Outputs ?? {})) {
    if (o.Condition === undefined || holds(o.Condition, `Outputs.${name}`)) outputs[name] = o;
  }
  return { ...stack, template: { ...template, Resources: resources, Outputs: outputs } };
}
