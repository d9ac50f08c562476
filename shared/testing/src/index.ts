/**
 * Test helpers for the chapters: a template normalizer for expected-template snapshots, an in-process synth
 * that honours `cdk.json`, and a vitest fixture serving an assembly on the local gateway.
 *
 * @module
 */
export { type CdkJson, contextFromCdkJson, readCdkJson } from './cdk-json-context.js';
export type {
  CloudFormationOutput,
  CloudFormationResource,
  CloudFormationTemplate,
} from './cloudformation-template.js';
export { type GatewayFixtures, gatewayTest } from './gateway-test.js';
export { ASSET_HASH_MASK, ASSETS_BUCKET_MASK, normalizeTemplate } from './normalize-template.js';
export { renderExpectedTemplate } from './render-expected-template.js';
export {
  type AssemblySource,
  type ClosableGateway,
  type ServeAssemblyOptions,
  type ServedGateway,
  serveAssembly,
} from './serve-assembly.js';
export { type SynthesizedStack, type SynthStackOptions, synthStack } from './synth-stack.js';
