import { basename } from 'node:path';
import { GatewayConfigError } from '../errors.js';
import type { CfnResource, CfnTemplate } from './cfn-template.js';
import { IntrinsicResolver } from './intrinsics.js';
import { type LoadedStack, readTemplate } from './load-assembly.js';
import type { PseudoParameters } from './pseudo-parameters.js';
import { rewriteReferences, rewriteSub, type TemplateRenaming } from './template-rewrite.js';

/**
 * The separator between a nested stack's logical ID and the logical IDs of its resources: not a character
 * of a logical ID (so the name is unambiguous), and safe in the file names and function names made of it.
 */
export const NESTED_SEPARATOR = '-';

type Outputs = NonNullable<CfnTemplate['Outputs']>;

/**
 * Inlines every nested stack (`AWS::CloudFormation::Stack` whose `TemplateURL` is a template of the
 * assembly, as CDK's `NestedStack` writes it) into its parent's template, recursively: the nested
 * resources, conditions and mappings take the name `<stack resource>-<logical ID>`, a `Ref` to a parameter
 * the parent passes becomes the parent's value, and the parent's `Fn::GetAtt [stack, Outputs.X]` becomes
 * the nested output's value. Exported outputs of nested stacks are kept in `nestedOutputs`.
 *
 * The stack resource itself stays, so `Ref` to it still resolves.
 * @throws GatewayConfigError naming the stack resource when its template is not in the assembly
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-stack.html
 */
export function inlineNestedStacks(stack: LoadedStack, pseudo: PseudoParameters): LoadedStack {
  const nested = Object.entries(stack.template.Resources ?? {}).filter(
    ([, r]) => r.Type === 'AWS::CloudFormation::Stack',
  );
  if (nested.length === 0) return stack;
  const resolver = new IntrinsicResolver(stack.template, stack.stackName, pseudo);
  const resources: Record<string, CfnResource> = { ...stack.template.Resources };
  const conditions: Record<string, unknown> = { ...stack.template.Conditions };
  const mappings: Record<string, unknown> = { ...stack.template.Mappings };
  const parameters: Record<string, unknown> = { ...stack.template.Parameters };
  const nestedOutputs: Record<string, Outputs[string]> = { ...stack.nestedOutputs };
  const outputValues = new Map<string, unknown>();

  for (const [logicalId, resource] of nested) {
    const file = nestedTemplateFile(stack, resolver, logicalId, resource);
    const child = inlineNestedStacks(
      { ...stack, templateFile: file, template: readTemplate(file), nestedOutputs: undefined },
      pseudo,
    );
    const prefix = `${logicalId}${NESTED_SEPARATOR}`;
    const passedValues = (resource.Properties?.Parameters ?? {}) as Record<string, unknown>;
    const renaming: TemplateRenaming = { prefix, passed: new Map(Object.entries(passedValues)) };
    for (const [name, parameter] of Object.entries(child.template.Parameters ?? {})) {
      if (!(name in passedValues)) parameters[prefix + name] = parameter;
    }
    for (const [id, r] of Object.entries(child.template.Resources ?? {})) {
      const inlined = inlinedResource(r, renaming);
      const stackCondition = resource.Condition;
      if (stackCondition && inlined.Condition) {
        const both = `${inlined.Condition}&${stackCondition}`;
        conditions[both] = { 'Fn::And': [{ Condition: inlined.Condition }, { Condition: stackCondition }] };
        resources[prefix + id] = { ...inlined, Condition: both };
      } else {
        resources[prefix + id] = stackCondition ? { ...inlined, Condition: stackCondition } : inlined;
      }
    }
    for (const [name, c] of Object.entries(child.template.Conditions ?? {})) {
      conditions[prefix + name] = rewriteReferences(c, renaming);
    }
    for (const [name, m] of Object.entries(child.template.Mappings ?? {})) mappings[prefix + name] = m;
    const childOutputs = { ...child.template.Outputs, ...child.nestedOutputs };
    for (const [name, output] of Object.entries(childOutputs)) {
      const value = rewriteReferences(output.Value, renaming);
      outputValues.set(`${logicalId}.Outputs.${name}`, value);
      if (output.Export !== undefined) {
        nestedOutputs[prefix + name] = {
          Value: value,
          Export: rewriteReferences(output.Export, renaming) as Outputs[string]['Export'],
        };
      }
    }
  }

  // A nested stack's output may be passed on to a sibling, whose outputs may be passed on in turn.
  for (let pass = 0; pass < nested.length; pass++) {
    for (const [name, value] of outputValues)
      outputValues.set(name, replaceNestedOutputs(value, outputValues));
  }
  const replaceOutputs = (value: unknown) => replaceNestedOutputs(value, outputValues);
  for (const [id, r] of Object.entries(resources)) {
    if (r.Properties)
      resources[id] = { ...r, Properties: replaceOutputs(r.Properties) as Record<string, unknown> };
  }
  for (const [name, output] of Object.entries(nestedOutputs)) {
    nestedOutputs[name] = { ...output, Value: replaceOutputs(output.Value) };
  }
  const outputs: Outputs = {};
  for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
    outputs[name] = { ...output, Value: replaceOutputs(output.Value) };
  }
  const template = {
    ...stack.template,
    Parameters: parameters as CfnTemplate['Parameters'],
    Conditions: conditions,
    Mappings: mappings as CfnTemplate['Mappings'],
    Resources: resources,
    Outputs: outputs,
  };
  return {
    ...stack,
    template,
    nestedOutputs,
    nestedStacks: [...(stack.nestedStacks ?? []), ...nested.map(([id]) => id)],
  };
}

function nestedTemplateFile(
  stack: LoadedStack,
  resolver: IntrinsicResolver,
  logicalId: string,
  resource: CfnResource,
): string {
  const where = { file: stack.templateFile, resource: logicalId };
  const url = resource.Properties?.TemplateURL;
  let text: string;
  try {
    text = resolver.resolveString(url, 'TemplateURL');
  } catch (error) {
    throw new GatewayConfigError(
      `the nested stack's TemplateURL cannot be resolved: ${(error as Error).message}`,
      where,
    );
  }
  const key = basename(text.split('?')[0] ?? text);
  const file = stack.assets.get(key) ?? stack.assets.get(key.replace(/\.json$/, ''));
  if (!file) {
    throw new GatewayConfigError(
      `the nested stack's TemplateURL ${JSON.stringify(text)} is not a template of this assembly, so its resources cannot be read (see docs/behaviour.md#nested-stacks)`,
      where,
    );
  }
  return file;
}

function inlinedResource(r: CfnResource, renaming: TemplateRenaming): CfnResource {
  const dependsOn =
    r.DependsOn === undefined
      ? undefined
      : (Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn]).map((d) => renaming.prefix + d);
  const condition = r.Condition === undefined ? undefined : renaming.prefix + r.Condition;
  return {
    ...r,
    ...(r.Properties
      ? { Properties: rewriteReferences(r.Properties, renaming) as Record<string, unknown> }
      : {}),
    ...(dependsOn ? { DependsOn: dependsOn } : {}),
    ...(condition ? { Condition: condition } : {}),
  };
}

/** Replaces the parent's `Fn::GetAtt [stack, Outputs.X]` (and `${stack.Outputs.X}`) by the output's value. */
function replaceNestedOutputs(value: unknown, outputs: ReadonlyMap<string, unknown>): unknown {
  if (outputs.size === 0) return value;
  if (Array.isArray(value)) return value.map((item) => replaceNestedOutputs(item, outputs));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, arg] = entries[0]!;
    if (key === 'Fn::GetAtt') {
      const name = typeof arg === 'string' ? arg : (arg as unknown[]).join('.');
      if (outputs.has(name)) return outputs.get(name);
      return value;
    }
    if (key === 'Fn::Sub') {
      const vars = typeof arg === 'string' ? {} : ((arg as unknown[])[1] as Record<string, unknown>);
      const replaced = rewriteSub(arg, (name) => (outputs.has(name) ? undefined : name), outputs);
      if (typeof replaced === 'string' || Object.keys(vars).length === 0) return { 'Fn::Sub': replaced };
      const [text, newVars] = replaced as [string, Record<string, unknown>];
      const deep: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(newVars))
        deep[k] = k in vars ? replaceNestedOutputs(v, outputs) : v;
      return { 'Fn::Sub': [text, deep] };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = replaceNestedOutputs(v, outputs);
  return out;
}
