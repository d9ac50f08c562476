import type { IntrinsicResolver } from './intrinsics.js';
import type { LoadedStack } from './load-assembly.js';

/** One exported output: the stack that exports it and the output's (unresolved) value. */
interface ExportedOutput {
  readonly stack: LoadedStack;
  readonly resolver: IntrinsicResolver;
  readonly value: unknown;
}

/**
 * The exports (`Outputs.*.Export.Name`) of every stack of an assembly, nested stacks included, so that
 * `Fn::ImportValue` in one stack resolves to the value another stack exports, as CloudFormation resolves it
 * (CDK's cross-stack references are such exports). Names and values are resolved with the exporting stack's
 * own resolver, on first use.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-importvalue.html
 */
export class AssemblyExports {
  readonly #stacks: Array<{ readonly stack: LoadedStack; readonly resolver: IntrinsicResolver }> = [];
  #byName: Map<string, ExportedOutput> | undefined;
  readonly #resolving = new Set<string>();
  readonly #values = new Map<string, unknown>();

  /** Adds a stack whose exports other stacks may import. */
  add(stack: LoadedStack, resolver: IntrinsicResolver): void {
    this.#stacks.push({ stack, resolver });
    this.#byName = undefined;
  }

  /**
   * The value exported under `name`, or `undefined` when no stack exports it.
   * @throws UnresolvableValueError (from the exporting stack's resolver) when the value has no local value
   */
  lookup = (name: string): unknown => {
    if (this.#values.has(name)) return this.#values.get(name);
    const exported = this.#index().get(name);
    if (!exported || this.#resolving.has(name)) return undefined;
    this.#resolving.add(name);
    try {
      const value = exported.resolver.resolve(exported.value);
      this.#values.set(name, value);
      return value;
    } finally {
      this.#resolving.delete(name);
    }
  };

  /** The stack that exports `name`, if any. */
  exporterOf(name: string): LoadedStack | undefined {
    return this.#index().get(name)?.stack;
  }

  #index(): Map<string, ExportedOutput> {
    if (this.#byName) return this.#byName;
    const byName = new Map<string, ExportedOutput>();
    for (const { stack, resolver } of this.#stacks) {
      const outputs = { ...stack.template.Outputs, ...stack.nestedOutputs };
      for (const output of Object.values(outputs)) {
        if (output.Export?.Name === undefined) continue;
        if (output.Condition !== undefined && !safely(() => resolver.conditionHolds(output.Condition!)))
          continue;
        const name = safely(() => resolver.resolveString(output.Export!.Name, 'Export.Name'));
        if (typeof name === 'string') byName.set(name, { stack, resolver, value: output.Value });
      }
    }
    this.#byName = byName;
    return byName;
  }
}

/** The value of `read()`, or `undefined` when it throws (an export whose name has no local value). */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
