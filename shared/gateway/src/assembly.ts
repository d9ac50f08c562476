/**
 * The cloud assembly reader the gateway uses, for other tools of the workspace that need the same view of a
 * `cdk.out` folder (its stacks and their templates) without starting a gateway. Imported as
 * `@cors-workshop/gateway/assembly`.
 * @module
 */
export type { CfnResource, CfnTemplate } from './assembly/cfn-template.js';
export { type LoadedStack, loadAssembly } from './assembly/load-assembly.js';
