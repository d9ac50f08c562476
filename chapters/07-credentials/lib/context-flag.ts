/**
 * Reading a true/false setting from the CDK context.
 *
 * @module
 */
import type { Node } from 'constructs';

/**
 * A true/false context value, given in `cdk.json` or on the command line (`cdk synth -c name=true`, where it
 * arrives as a string).
 * @param node - the construct node whose context is read, e.g. `app.node`
 * @param name - the context key
 * @returns `false` when the value is absent
 * @throws Error quoting the value when it is neither true nor false
 * @see https://docs.aws.amazon.com/cdk/v2/guide/context.html
 */
export function contextFlag(node: Node, name: string): boolean {
  const value: unknown = node.tryGetContext(name);
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`The context value ${name} must be true or false, got ${JSON.stringify(value)}`);
}
