/**
 * CloudFormation Validate of a chapter's synth, run in a child process while the test files run, instead of
 * in the global setup before any of them can start. The verdict is a file the child's exit writes; a test
 * file reads it with {@link sharedValidation}, after the others (see `ValidationLastSequencer`).
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import { awaitVerdict, type ValidationVerdict, writeVerdict } from './validation-verdict.js';

/** The name under which the global setup provides the verdict file's path to the test files. */
export const SHARED_VALIDATION = 'corsWorkshopSharedValidation';

declare module 'vitest' {
  interface ProvidedContext {
    /** Where the background validation writes its verdict (see `sharedValidation`). */
    corsWorkshopSharedValidation: string;
  }
}

/** A synth a child process can run: a module and the function it exports. */
export interface ModuleSynth {
  /** The module, e.g. `new URL('../checks.ts', import.meta.url)`; TypeScript is loaded with `tsx`. */
  readonly module: URL;
  /**
   * The exported function that synthesizes the stack and returns the result of `synthStack`.
   * @default 'assembly'
   */
  readonly export?: string;
}

/** A validation under way, as {@link startBackgroundValidation} returns it. */
export interface BackgroundValidation {
  /** The file the verdict is written to, as JSON, once the child has exited. */
  readonly verdictFile: string;
  /** Ends the child if it still runs, and removes the verdict's folder. */
  stop(): void;
}

const RUNNER = resolveRunner();
/** tsx's loader, resolved from this package: the child loads the chapter's TypeScript with it. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function resolveRunner(): string {
  const compiled = fileURLToPath(new URL('./validation-runner.js', import.meta.url));
  // Running from the TypeScript sources (this package's tests): the child loads the source with tsx.
  return existsSync(compiled) ? compiled : fileURLToPath(new URL('./validation-runner.ts', import.meta.url));
}

/**
 * Starts a child process that runs the synth with CloudFormation Validate on (whatever `CDK_VALIDATION`
 * says here), as `cdk synth` runs it, and writes its verdict to a file when it exits.
 *
 * @param synth - the module and export that synthesize the stack
 * @returns the verdict's file, and a way to stop the child
 */
export function startBackgroundValidation(synth: ModuleSynth): BackgroundValidation {
  const folder = mkdtempSync(join(tmpdir(), 'cors-workshop-validation-'));
  const verdictFile = join(folder, 'verdict.json');
  const modulePath = fileURLToPath(synth.module);
  const env = { ...process.env };
  delete env.CDK_VALIDATION;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', TSX, RUNNER, synth.module.href, synth.export ?? 'assembly', verdictFile],
    { cwd: dirname(modulePath), env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  // The child writes the verdict; one that ended without (its synth threw, or it could not start) failed.
  const failUnlessJudged = (report: string) => {
    if (existsSync(folder) && !existsSync(verdictFile)) writeVerdict(verdictFile, { passed: false, report });
  };
  child.on('error', (error) => failUnlessJudged(String(error)));
  child.on('close', (code, signal) =>
    failUnlessJudged(output.join('') || `the synth ended with ${signal ?? `exit code ${code}`}`),
  );
  return {
    verdictFile,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for the verdict of the background validation the chapter's global setup started (the `validation`
 * option of `synthesizeOnce`).
 *
 * @param pollMs - how often the verdict file is looked for
 * @default pollMs - 25
 * @returns the verdict
 * @throws Error naming the missing option when the global setup started no validation
 * @example
 * ```ts
 * it('passes CloudFormation Validate, as cdk synth runs it', async () => {
 *   expect(await sharedValidation()).toEqual({ passed: true });
 * });
 * ```
 */
export async function sharedValidation(pollMs = 25): Promise<ValidationVerdict> {
  const verdictFile = inject(SHARED_VALIDATION);
  if (typeof verdictFile !== 'string' || verdictFile === '') {
    throw new Error(
      'No background validation: the global setup needs synthesizeOnce(assembly, { validation: { module } })',
    );
  }
  return awaitVerdict(verdictFile, pollMs);
}
