/**
 * Reads a project's `cdk.json` into the context the `cdk` CLI would hand to the app.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ANALYTICS_REPORTING_ENABLED_CONTEXT,
  ASSET_RESOURCE_METADATA_ENABLED_CONTEXT,
  BUNDLING_STACKS,
  DISABLE_ASSET_STAGING_CONTEXT,
  FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT,
  PATH_METADATA_ENABLE_CONTEXT,
} from 'aws-cdk-lib/cx-api';

/**
 * The settings of a `cdk.json` that change what the app synthesizes.
 * @see https://docs.aws.amazon.com/cdk/v2/guide/cli.html#cli-config
 */
export interface CdkJson {
  /** Context values, feature flags included. */
  readonly context?: Readonly<Record<string, unknown>>;
  /**
   * Whether resources carry `aws:cdk:path` metadata.
   * @default true
   */
  readonly pathMetadata?: boolean;
  /**
   * Whether resources carry `aws:asset:*` metadata.
   * @default true
   */
  readonly assetMetadata?: boolean;
  /**
   * Whether the `CDKMetadata` resource is added.
   * @default true
   */
  readonly versionReporting?: boolean;
  /**
   * Whether assets are copied into the cloud assembly.
   * @default true
   */
  readonly staging?: boolean;
  /**
   * Glob patterns of the stacks whose assets are bundled.
   * @default ['**']
   */
  readonly bundlingStacks?: readonly string[];
}

/**
 * Returns the context the `cdk` CLI passes to the app of the project in `projectDir`: the `context` of its
 * `cdk.json`, then the context keys the CLI derives from the file's settings (`pathMetadata`,
 * `assetMetadata`, `versionReporting`, `staging`, `bundlingStacks`), with the CLI's defaults when a setting
 * is absent.
 *
 * `new App()` reads none of this by itself (the CLI injects it through the environment), so a test that
 * builds a stack in-process needs it to synthesize what `cdk synth` does. `cdk.context.json` (cached
 * look-ups) is deliberately not read: it is local to a machine.
 *
 * @param projectDir - the folder holding `cdk.json`
 * @throws Error when `cdk.json` is missing, is not JSON, or is not an object (the message names the file)
 * @see https://docs.aws.amazon.com/cdk/v2/guide/context.html
 * @see https://docs.aws.amazon.com/cdk/v2/guide/featureflags.html
 */
export function contextFromCdkJson(projectDir: string): Record<string, unknown> {
  const cdkJson = readCdkJson(projectDir);
  const context: Record<string, unknown> = { ...cdkJson.context };
  if (cdkJson.pathMetadata ?? true) {
    context[PATH_METADATA_ENABLE_CONTEXT] = true;
  }
  if (cdkJson.assetMetadata ?? true) {
    context[ASSET_RESOURCE_METADATA_ENABLED_CONTEXT] = true;
  }
  if (cdkJson.versionReporting ?? true) {
    context[ANALYTICS_REPORTING_ENABLED_CONTEXT] = true;
  } else {
    context['aws:cdk:disable-version-reporting'] = true;
  }
  if (!(cdkJson.staging ?? true)) {
    context[DISABLE_ASSET_STAGING_CONTEXT] = true;
  }
  context[BUNDLING_STACKS] = cdkJson.bundlingStacks ?? ['**'];
  context[FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT] = false;
  return context;
}

/**
 * Reads and parses `<projectDir>/cdk.json`.
 * @param projectDir - the folder holding `cdk.json`
 * @throws Error when the file is missing, is not JSON, or is not an object (the message names the file)
 */
export function readCdkJson(projectDir: string): CdkJson {
  const file = join(projectDir, 'cdk.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read "${file}": ${(cause as Error).message}`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new Error(`"${file}" is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`"${file}" must hold a JSON object, got ${JSON.stringify(parsed)}`);
  }
  return parsed as CdkJson;
}
