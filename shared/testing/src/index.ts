/**
 * Test helpers for the chapters: a template normalizer for expected-template snapshots, an in-process synth
 * that honours `cdk.json`, a vitest fixture serving an assembly on the local gateway, and the browser lab:
 * each chapter's `lab.json` calls, made from real pages in a headless Chromium.
 *
 * @module
 */

export {
  CHROMIUM_ARGS,
  ChromiumNotFoundError,
  type FindChromiumOptions,
  findChromium,
  type LaunchChromiumOptions,
  launchChromium,
} from './browser.js';
export {
  type BrowserFixtures,
  type BrowserTestLab,
  type BrowserTestOptions,
  browserTest,
} from './browser-test.js';
export { type CdkJson, contextFromCdkJson, readCdkJson } from './cdk-json-context.js';
export {
  type BrowserPlatform,
  CHROME_PATH_VARIABLE,
  CHROMIUM_INSTALL_HINTS,
  chromiumInstallHint,
  chromiumPaths,
  type PathEnvironment,
} from './chromium-paths.js';
export type {
  CloudFormationOutput,
  CloudFormationResource,
  CloudFormationTemplate,
} from './cloudformation-template.js';
export { directEsbuildPath, withDirectEsbuild } from './direct-esbuild.js';
export { type GatewayFixtures, gatewayTest } from './gateway-test.js';
export { BrowserLab, type BrowserLabOptions, ExchangeLog, type LabRun } from './lab/browser-lab.js';
export { checkLabCall, type LabCheck, type LabObservation } from './lab/check-lab-call.js';
export {
  type CorsExplanation,
  type ExplainCorsInput,
  type ExplainedExchange,
  explainCors,
} from './lab/explain-cors.js';
export { expectLabCall, LabCallMismatchError, labCallReport } from './lab/lab-call-report.js';
export {
  type LabCall,
  type LabCredentials,
  type LabExpectation,
  type LabSpec,
  type LabVerdict,
  labOrigins,
  parseLabSpec,
} from './lab/lab-spec.js';
export { type OriginPages, serveOriginPages } from './lab/origin-pages.js';
export {
  callFromPage,
  LAB_TAG_PARAMETER,
  type PageCallRequest,
  type PageCallResult,
  pageCallRequest,
  taggedUrl,
  tagOf,
} from './lab/page-call.js';
export { readLabSpec } from './lab/read-lab-spec.js';
export { ASSET_HASH_MASK, ASSETS_BUCKET_MASK, normalizeTemplate } from './normalize-template.js';
export { renderExpectedTemplate } from './render-expected-template.js';
export {
  type AssemblySource,
  type ClosableGateway,
  type ServeAssemblyOptions,
  type ServedGateway,
  serveAssembly,
} from './serve-assembly.js';
export {
  type ProvidingProject,
  readStackTemplate,
  SHARED_ASSEMBLY,
  SHARED_VALIDATION,
  SHARED_VARIANTS,
  type StackSynth,
  type SynthesizeOnceOptions,
  sharedAssembly,
  sharedTemplate,
  sharedValidation,
  sharedVariant,
  sharedVariantTemplate,
  synthesizeOnce,
} from './shared-assembly.js';
export { type SynthesizedStack, type SynthStackOptions, synthStack } from './synth-stack.js';
export {
  assemblyValidationFailures,
  assemblyValidationVerdict,
  type FailedValidation,
  failedValidations,
  type PassedValidation,
  VALIDATION_REPORT_FILE,
  type ValidationPluginReport,
  type ValidationReport,
  type ValidationVerdict,
  type ValidationViolation,
} from './validation-report.js';
