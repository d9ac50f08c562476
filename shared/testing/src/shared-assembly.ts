/**
 * One synth shared by every test file of a chapter: a vitest global setup synthesizes the chapter once per
 * run, and each test file serves the same cloud assembly instead of synthesizing (and bundling) its own.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { CloudFormationTemplate } from './cloudformation-template.js';
import type { SynthesizedStack } from './synth-stack.js';
import { assemblyValidationVerdict, type ValidationVerdict } from './validation-report.js';

/** The name under which {@link synthesizeOnce} provides the assembly folder to the test files. */
export const SHARED_ASSEMBLY = 'corsWorkshopSharedAssembly';

/**
 * The name under which {@link synthesizeOnce} provides the shared synth's CloudFormation Validate verdict
 * (JSON) to the test files.
 */
export const SHARED_VALIDATION = 'corsWorkshopSharedValidation';

/**
 * The name under which {@link synthesizeOnce} provides the variants' folders to the test files: a JSON
 * object from each variant's name to its assembly folder.
 */
export const SHARED_VARIANTS = 'corsWorkshopSharedVariants';

declare module 'vitest' {
  interface ProvidedContext {
    /** The cloud assembly folder the chapter's global setup synthesized (see `synthesizeOnce`). */
    corsWorkshopSharedAssembly: string;
    /** The variants the chapter's global setup synthesized, as JSON: name → assembly folder. */
    corsWorkshopSharedVariants: string;
    /** CloudFormation Validate's verdict on the shared synth, as JSON (see `sharedValidation`). */
    corsWorkshopSharedValidation: string;
  }
}

/** The part of vitest's `TestProject` a global setup is given that {@link synthesizeOnce} uses. */
export interface ProvidingProject {
  /** Hands a value to every test file, which reads it with `inject(key)`. */
  provide(
    key: typeof SHARED_ASSEMBLY | typeof SHARED_VARIANTS | typeof SHARED_VALIDATION,
    value: string,
  ): void;
}

/** Synthesizes a stack, e.g. the `assembly` of a chapter's `checks.ts`. */
export type StackSynth = () => SynthesizedStack | Promise<SynthesizedStack>;

/** Options of {@link synthesizeOnce}. */
export interface SynthesizeOnceOptions {
  /**
   * Other versions of the stack the test files serve or inspect (a lesson's broken versions), by name:
   * each is synthesized once, after the chapter, and read with {@link sharedVariant}. They skip
   * CloudFormation Validate (`CDK_VALIDATION=false` while they synthesize), as variants synthesized in a
   * test worker do; the chapter's own synth is validated as `cdk synth` validates it.
   * @default - no variant
   */
  readonly variants?: Readonly<Record<string, StackSynth>>;
}

/**
 * A vitest global setup that synthesizes the chapter once, before any test file runs, and removes the
 * assembly after the last. Export it as the default of the file `globalSetup` names; test files then serve
 * {@link sharedAssembly}.
 *
 * @param assembly - synthesizes the chapter, e.g. the `assembly` of its `checks.ts`
 * @returns the global setup function
 * @example
 * ```ts
 * // test/global-setup.ts
 * import { synthesizeOnce } from '@cors-workshop/testing';
 * import { assembly } from '../checks.js';
 *
 * export default synthesizeOnce(assembly);
 * ```
 * @see https://vitest.dev/config/#globalsetup
 */
export function synthesizeOnce(
  assembly: StackSynth,
  options: SynthesizeOnceOptions = {},
): (project: ProvidingProject) => Promise<() => void> {
  return async (project) => {
    const synthesized: SynthesizedStack[] = [];
    const disposeAll = () => {
      for (const synth of synthesized.splice(0)) synth.dispose();
    };
    try {
      const shared = await assembly();
      synthesized.push(shared);
      // The app only writes CloudFormation Validate's report (the CLI is what fails `cdk synth` on it): the
      // verdict goes to test/validate.test.ts.
      project.provide(SHARED_VALIDATION, JSON.stringify(assemblyValidationVerdict(shared.assemblyDir)));
      const folders: Record<string, string> = {};
      for (const [name, variant] of Object.entries(options.variants ?? {})) {
        const synth = await withoutValidation(variant);
        synthesized.push(synth);
        folders[name] = synth.assemblyDir;
      }
      project.provide(SHARED_ASSEMBLY, shared.assemblyDir);
      if (options.variants !== undefined) project.provide(SHARED_VARIANTS, JSON.stringify(folders));
    } catch (error) {
      disposeAll();
      throw error;
    }
    return disposeAll;
  };
}

/** Runs a synth with CloudFormation Validate off, and puts `CDK_VALIDATION` back as it was. */
async function withoutValidation(synth: StackSynth): Promise<SynthesizedStack> {
  const previous = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    return await synth();
  } finally {
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
}

/**
 * CloudFormation Validate's verdict on the chapter's shared synth, which {@link synthesizeOnce} runs as
 * `cdk synth` does (the variants skip it): what the `cdk` CLI would make of the validation report.
 *
 * @returns the verdict
 * @throws Error naming the missing setup when the vitest configuration has no such global setup
 * @example
 * ```ts
 * // test/validate.test.ts
 * it('passes CloudFormation Validate, as cdk synth runs it', () => {
 *   expect(sharedValidation()).toEqual({ passed: true });
 * });
 * ```
 */
export function sharedValidation(): ValidationVerdict {
  const provided = inject(SHARED_VALIDATION);
  if (typeof provided !== 'string' || provided === '') {
    throw new Error(
      'No validation verdict: the vitest configuration needs globalSetup: ["./test/global-setup.ts"], a file ' +
        'whose default export is synthesizeOnce(assembly)',
    );
  }
  return JSON.parse(provided) as ValidationVerdict;
}

/**
 * The assembly folder the chapter's global setup ({@link synthesizeOnce}) synthesized, to pass as the
 * `source` of `gatewayTest` or `browserTest`. Nothing is disposed of when a gateway on it closes: the
 * global setup removes it after the run.
 *
 * @returns the folder
 * @throws Error naming the missing setup when the vitest configuration has no such global setup
 * @example
 * ```ts
 * const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });
 * ```
 */
export function sharedAssembly(): string {
  const folder = inject(SHARED_ASSEMBLY);
  if (typeof folder !== 'string' || folder === '') {
    throw new Error(
      'No shared assembly: the vitest configuration needs globalSetup: ["./test/global-setup.ts"], a file ' +
        'whose default export is synthesizeOnce(assembly)',
    );
  }
  return folder;
}

/**
 * The assembly folder of a variant the chapter's global setup synthesized (the `variants` option of
 * {@link synthesizeOnce}), to pass as a `source`. As for {@link sharedAssembly}, the global setup removes
 * it after the run.
 *
 * @param name - the variant's name
 * @returns the folder
 * @throws Error naming the variants there are when none has this name
 * @example
 * ```ts
 * const broken = gatewayTest({ source: () => sharedVariant('withoutGatewayResponse'), logger: silentLogger });
 * ```
 */
export function sharedVariant(name: string): string {
  const provided = inject(SHARED_VARIANTS);
  const folders = (typeof provided === 'string' ? JSON.parse(provided) : {}) as Record<string, string>;
  const folder = folders[name];
  if (folder === undefined) {
    const names = Object.keys(folders).map((known) => `"${known}"`);
    throw new Error(
      `No shared variant "${name}": the global setup synthesized ${names.length === 0 ? 'none' : names.join(', ')}`,
    );
  }
  return folder;
}

/**
 * The template of a stack of a variant (see {@link sharedVariant}).
 *
 * @param name - the variant's name
 * @param stack - the stack's name or artifact ID
 * @default stack - the only stack of the variant
 * @returns the template
 */
export function sharedVariantTemplate(name: string, stack?: string): CloudFormationTemplate {
  return readStackTemplate(sharedVariant(name), stack);
}

/** The part of a cloud assembly manifest that names the stacks' templates. */
interface AssemblyManifest {
  readonly artifacts?: Readonly<
    Record<
      string,
      {
        readonly type: string;
        readonly properties?: { readonly templateFile?: string; readonly stackName?: string };
      }
    >
  >;
}

/**
 * The template of a stack of the shared assembly (see {@link sharedAssembly}), read as the synth wrote it:
 * a stack test can check the very template the other test files serve, instead of synthesizing its own.
 *
 * @param stack - the stack's name or artifact ID
 * @default stack - the only stack of the assembly
 * @returns the template
 * @throws Error naming the stacks when `stack` is not one of them, or when the assembly has several and
 *   none is named
 * @example
 * ```ts
 * const template = Template.fromJSON(sharedTemplate());
 * ```
 */
export function sharedTemplate(stack?: string): CloudFormationTemplate {
  return readStackTemplate(sharedAssembly(), stack);
}

/**
 * The template of a stack of a cloud assembly folder, found through its `manifest.json`.
 *
 * @param folder - the assembly folder
 * @param stack - the stack's name or artifact ID
 * @default stack - the only stack of the assembly
 * @throws Error naming the stacks when `stack` is not one of them, or when there are several and none is named
 */
export function readStackTemplate(folder: string, stack?: string): CloudFormationTemplate {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as AssemblyManifest;
  const stacks = Object.entries(manifest.artifacts ?? {}).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  const names = stacks
    .map(([id, artifact]) => `"${artifact.properties?.stackName ?? id}" (${id})`)
    .join(', ');
  const found =
    stack === undefined
      ? stacks.length === 1
        ? stacks[0]
        : undefined
      : stacks.find(([id, artifact]) => id === stack || artifact.properties?.stackName === stack);
  const templateFile = found?.[1].properties?.templateFile;
  if (templateFile === undefined) {
    throw new Error(
      stack === undefined
        ? `A stack name is needed when the assembly has ${stacks.length} stacks: ${names}`
        : `No stack "${stack}" in ${folder}; its stacks are: ${names}`,
    );
  }
  return JSON.parse(readFileSync(join(folder, templateFile), 'utf8')) as CloudFormationTemplate;
}
