/**
 * Synthesizes a chapter's stacks in-process, the way `cdk synth` would, for tests.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { BUNDLING_STACKS, type CloudAssembly, DISABLE_ASSET_STAGING_CONTEXT } from 'aws-cdk-lib/cx-api';
import { contextFromCdkJson } from './cdk-json-context.js';
import type { CloudFormationTemplate } from './cloudformation-template.js';
import { withDirectEsbuild } from './direct-esbuild.js';

/** Options of {@link synthStack}. */
export interface SynthStackOptions {
  /** The project folder; its `cdk.json` supplies the context (feature flags included). */
  readonly projectDir: string;

  /**
   * Bundle the assets for real (a `NodejsFunction` runs the local esbuild, directly rather than through
   * `pnpm exec`: see `withDirectEsbuild`) and stage them in the assembly, so that the assembly can be served. When `false`, bundling is skipped for every stack and assets are not
   * staged: fast, and enough for template assertions and snapshots.
   * @default false
   */
  readonly bundling?: boolean;

  /**
   * Where the cloud assembly is written.
   * @default - a new folder under the system's temporary folder, removed by `dispose()`
   */
  readonly outdir?: string;

  /**
   * Context values set over those of `cdk.json`.
   * @default - none
   */
  readonly context?: Readonly<Record<string, unknown>>;

  /**
   * The stack whose template is returned, by stack name or artifact ID.
   * @default - the only stack of the app (an error when there are several)
   */
  readonly stack?: string;
}

/** The result of {@link synthStack}. */
export interface SynthesizedStack {
  /** The cloud assembly folder (what `cdk synth` writes to `cdk.out`). */
  readonly assemblyDir: string;
  /** The whole cloud assembly. */
  readonly assembly: CloudAssembly;
  /** The selected stack's name, e.g. `proxy-cors-restapi-stack`. */
  readonly stackName: string;
  /** The selected stack's artifact ID (its construct ID for a top-level stack). */
  readonly artifactId: string;
  /** The selected stack's template, as written to the assembly. */
  readonly template: CloudFormationTemplate;
  /** Removes the assembly folder when `synthStack` created it; does nothing for a given `outdir`. */
  dispose(): void;
}

/**
 * Builds an app with `build` and synthesizes it in-process, with the context the `cdk` CLI would pass:
 * `cdk.json`'s `context` and settings (see {@link contextFromCdkJson}).
 *
 * Never reads `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION`: the `build` function decides each stack's
 * environment, so a test stays the same on every machine.
 *
 * @param build - adds the stack(s) to the app it is given
 * @param options - see {@link SynthStackOptions}
 * @throws Error when the selected stack does not exist or several stacks exist and none is selected
 * @example
 * ```ts
 * const { template } = synthStack(
 *   (app) => new MyStack(app, 'MyStack', { env: { region: 'us-east-1' } }),
 *   { projectDir: fileURLToPath(new URL('..', import.meta.url)) },
 * );
 * ```
 * @see https://docs.aws.amazon.com/cdk/v2/guide/testing.html
 */
export function synthStack(build: (app: App) => void, options: SynthStackOptions): SynthesizedStack {
  const ownsOutdir = options.outdir === undefined;
  const assemblyDir = options.outdir ?? mkdtempSync(join(tmpdir(), 'cors-workshop-synth-'));
  const dispose = () => {
    if (ownsOutdir) {
      rmSync(assemblyDir, { recursive: true, force: true });
    }
  };
  try {
    const skipBundling = options.bundling
      ? {}
      : { [BUNDLING_STACKS]: [], [DISABLE_ASSET_STAGING_CONTEXT]: true };
    const app = new App({
      outdir: assemblyDir,
      context: { ...contextFromCdkJson(options.projectDir), ...skipBundling, ...options.context },
    });
    // A NodejsFunction bundles as it is built, so the build runs with the direct esbuild as well.
    const synth = () => {
      build(app);
      return app.synth();
    };
    const assembly = options.bundling ? withDirectEsbuild(synth) : synth();
    const stack = selectStack(assembly, options.stack);
    return {
      assemblyDir,
      assembly,
      stackName: stack.stackName,
      artifactId: stack.id,
      template: stack.template as CloudFormationTemplate,
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

function selectStack(assembly: CloudAssembly, wanted: string | undefined) {
  const stacks = assembly.stacksRecursively;
  const names = stacks.map((stack) => `"${stack.stackName}" (${stack.id})`).join(', ') || 'none';
  if (wanted === undefined) {
    const [only, ...others] = stacks;
    if (only === undefined || others.length > 0) {
      throw new Error(
        `synthStack needs the "stack" option when the app has ${stacks.length} stacks: ${names}`,
      );
    }
    return only;
  }
  const found = stacks.find((stack) => stack.stackName === wanted || stack.id === wanted);
  if (found === undefined) {
    throw new Error(`No stack "${wanted}" in the app; its stacks are: ${names}`);
  }
  return found;
}
