import { type LambdaFunctionDefinition, readLambdaFunction } from '../lambda/lambda-function.js';
import type { IntrinsicResolver } from './intrinsics.js';
import type { LoadedStack } from './load-assembly.js';

/** Finds the function an integration invokes by its (unqualified) ARN, or by its name. */
export interface FunctionsByArn {
  /**
   * The function with this ARN and local code, or `undefined`.
   * @throws GatewayConfigError naming the function when it exists but is malformed
   */
  get(arn: string): LambdaFunctionDefinition | undefined;
  /**
   * The function with this name (its `FunctionName`, or the name the gateway gives it) and local code.
   * @throws GatewayConfigError naming the function when it exists but is malformed
   */
  named(name: string): LambdaFunctionDefinition | undefined;
}

/**
 * The Lambda functions of every stack of an assembly, read only when an integration invokes one: a function
 * no API reaches (a CDK custom-resource provider, say) is never read, so it can neither slow the gateway down
 * nor refuse the assembly.
 */
export class FunctionCatalog implements FunctionsByArn {
  readonly #stacks: ReadonlyArray<{ readonly stack: LoadedStack; readonly resolver: IntrinsicResolver }>;
  #byArn:
    | {
        readonly byArn: Map<string, { stack: LoadedStack; resolver: IntrinsicResolver; logicalId: string }>;
        readonly arnByName: Map<string, string>;
      }
    | undefined;
  readonly #read = new Map<string, LambdaFunctionDefinition | undefined>();

  constructor(stacks: ReadonlyArray<{ readonly stack: LoadedStack; readonly resolver: IntrinsicResolver }>) {
    this.#stacks = stacks;
  }

  get(arn: string): LambdaFunctionDefinition | undefined {
    if (this.#read.has(arn)) return this.#read.get(arn);
    const found = this.#index().byArn.get(arn);
    const definition = found && readLambdaFunction(found.stack, found.resolver, found.logicalId);
    this.#read.set(arn, definition);
    return definition;
  }

  named(name: string): LambdaFunctionDefinition | undefined {
    const arn = this.#index().arnByName.get(name);
    return arn === undefined ? undefined : this.get(arn);
  }

  #index() {
    if (this.#byArn) return this.#byArn;
    const byArn = new Map<string, { stack: LoadedStack; resolver: IntrinsicResolver; logicalId: string }>();
    const arnByName = new Map<string, string>();
    for (const { stack, resolver } of this.#stacks) {
      for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
        if (resource.Type !== 'AWS::Lambda::Function') continue;
        try {
          const arn = resolver.getAtt([logicalId, 'Arn']);
          byArn.set(arn, { stack, resolver, logicalId });
          arnByName.set(String(resolver.ref(logicalId)), arn);
        } catch {
          // A function whose name has no local value cannot be the target of a resolvable integration.
        }
      }
    }
    this.#byArn = { byArn, arnByName };
    return this.#byArn;
  }
}

/**
 * `functions` as a lookup: a {@link FunctionsByArn} as is; the map by logical ID that `readLambdaFunctions`
 * returns, or any list of definitions, indexed by ARN and by name.
 */
export function functionLookup(
  functions:
    | FunctionsByArn
    | ReadonlyMap<string, LambdaFunctionDefinition>
    | Iterable<LambdaFunctionDefinition>,
): FunctionsByArn {
  if (!(functions instanceof Map) && 'named' in functions) return functions as FunctionsByArn;
  const list =
    functions instanceof Map
      ? [...functions.values()]
      : [...(functions as Iterable<LambdaFunctionDefinition>)];
  const byArn = new Map(list.map((fn) => [fn.arn, fn]));
  const byName = new Map(list.map((fn) => [fn.functionName, fn]));
  return { get: (arn) => byArn.get(arn), named: (name) => byName.get(name) };
}
