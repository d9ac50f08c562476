/**
 * Decides whether an exercise is solved: copies the chapter (with the learner's files, or a given state),
 * synthesizes it, serves it on the local gateway, and runs the exercise's checks, request checks first and
 * then the browser calls in Chromium.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClosableGateway } from '@cors-workshop/testing';
import { BrowserSession } from './browser-session.js';
import { snapshotChapter } from './chapter-snapshot.js';
import type { Exercise } from './exercise.js';
import { type ExerciseChecks, readExerciseChecks } from './exercise-checks.js';
import type { FileState } from './exercise-states.js';
import { runBrowserChecks, runRequestChecks } from './run-checks.js';
import { Synthesizer } from './synthesizer.js';
import type { CheckResult, ExerciseVerdict } from './verdict.js';

type Testing = typeof import('@cors-workshop/testing');

/** Options of {@link ExerciseVerifier.verify}. */
export interface VerifyOptions {
  /**
   * The chapter folder whose files are checked.
   * @default - the exercise's chapter folder
   */
  readonly sourceDir?: string;
  /**
   * Files written over those of `sourceDir` before the check, e.g. the exercise's solution state.
   * @default - none
   */
  readonly overlay?: FileState;
}

/** How many synthesized assemblies are kept, by the content of the chapter they came from. */
const ASSEMBLIES_KEPT = 12;

interface CachedSynth {
  readonly dir: string;
  readonly failure?: string;
}

/**
 * Verifies exercises, keeping a synth process, a Chromium and the latest assemblies between calls, so that
 * the second check of a chapter costs a synth of the changed app and a few requests. Close it when done.
 */
export class ExerciseVerifier {
  readonly #root: string;
  readonly #synthesizer = new Synthesizer();
  readonly #assemblies = new Map<string, CachedSynth>();
  #testing: Promise<Testing> | undefined;
  #browser: BrowserSession | undefined;

  /** @param root - the repository's root */
  constructor(root: string) {
    this.#root = root;
  }

  /**
   * Checks one exercise against the chapter's files as they are (or as `options` say).
   * @param exercise - the exercise
   * @param options - another folder to check, or files to write over it
   * @returns the verdict; a chapter that does not synthesize or that the gateway refuses is not solved
   * @throws Error when the exercise's own checks are malformed, or Chromium is needed and not installed
   */
  async verify(exercise: Exercise, options: VerifyOptions = {}): Promise<ExerciseVerdict> {
    const startedAt = performance.now();
    const testing = await this.#loadTesting();
    const checks = readExerciseChecks(exercise, testing.parseLabSpec);
    if (checks.lab !== undefined) {
      this.#browser ??= new BrowserSession(testing);
      this.#browser.prepare(testing.labOrigins([checks.lab]));
    }
    const synthStartedAt = performance.now();
    const synth = await this.#synth(exercise, options, testing);
    const synthMs = performance.now() - synthStartedAt;
    const verdict = (
      results: CheckResult[],
      refused?: ExerciseVerdict['refused'],
      checksMs = 0,
    ): ExerciseVerdict => ({
      id: exercise.id,
      solved: refused === undefined && results.every((result) => result.passed),
      ...(refused === undefined ? {} : { refused }),
      results,
      timings: { synth: synthMs, checks: checksMs, total: performance.now() - startedAt },
    });
    if (synth.failure !== undefined) return verdict([], { step: 'synth', message: synth.failure });

    const checksStartedAt = performance.now();
    const log = new testing.ExchangeLog();
    let gateway: ClosableGateway;
    try {
      const { silentLogger } = await import('@cors-workshop/gateway');
      gateway = await testing.serveAssembly({
        source: synth.dir,
        logger: silentLogger,
        onExchange: log.record,
      });
    } catch (error) {
      // The assembly is a temporary folder: name its files by their own names.
      const message = (error as Error).message.split(`${synth.dir}/`).join('');
      return verdict([], { step: 'serve', message });
    }
    try {
      const results = await this.#runChecks(checks, gateway, log, testing);
      return verdict(results, undefined, performance.now() - checksStartedAt);
    } finally {
      await gateway.close();
    }
  }

  /** Stops the synth process and Chromium, and removes the kept assemblies. */
  async close(): Promise<void> {
    await this.#synthesizer.close();
    await this.#browser?.close();
    for (const { dir } of this.#assemblies.values()) rmSync(dir, { recursive: true, force: true });
    this.#assemblies.clear();
  }

  async #runChecks(
    checks: ExerciseChecks,
    gateway: ClosableGateway,
    log: InstanceType<Testing['ExchangeLog']>,
    testing: Testing,
  ): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    if (checks.requests !== undefined) results.push(...(await runRequestChecks(checks.requests, gateway)));
    if (checks.lab !== undefined) {
      this.#browser ??= new BrowserSession(testing);
      const lab = await this.#browser.lab(gateway, log, testing.labOrigins([checks.lab]));
      try {
        results.push(...(await runBrowserChecks(checks.lab, lab, testing)));
      } finally {
        await lab.close();
      }
    }
    return results;
  }

  async #synth(exercise: Exercise, options: VerifyOptions, testing: Testing): Promise<CachedSynth> {
    const snapshot = snapshotChapter({
      root: this.#root,
      chapter: exercise.chapter,
      ...(options.sourceDir === undefined ? {} : { sourceDir: options.sourceDir }),
      ...(options.overlay === undefined ? {} : { overlay: options.overlay }),
    });
    try {
      const cached = this.#assemblies.get(snapshot.contentHash);
      if (cached !== undefined) {
        // Most recently used last, so the oldest goes first.
        this.#assemblies.delete(snapshot.contentHash);
        this.#assemblies.set(snapshot.contentHash, cached);
        return cached;
      }
      const dir = mkdtempSync(join(tmpdir(), 'cors-exercise-assembly-'));
      const outcome = await this.#synthesizer.synth({
        chapterDir: snapshot.chapterDir,
        outdir: dir,
        context: testing.contextFromCdkJson(snapshot.chapterDir),
      });
      const result: CachedSynth = outcome.ok
        ? { dir }
        : { dir, failure: plainSynthFailure(outcome.message.split(`${snapshot.root}/`).join('')) };
      this.#assemblies.set(snapshot.contentHash, result);
      while (this.#assemblies.size > ASSEMBLIES_KEPT) {
        const [oldest, { dir: oldDir }] = this.#assemblies.entries().next().value as [string, CachedSynth];
        this.#assemblies.delete(oldest);
        rmSync(oldDir, { recursive: true, force: true });
      }
      return result;
    } finally {
      snapshot.dispose();
    }
  }

  #loadTesting(): Promise<Testing> {
    this.#testing ??= import('@cors-workshop/testing');
    return this.#testing;
  }
}

/**
 * Shortens CDK's report of a failed bundling, whose first line is the esbuild command line and its
 * temporary folders, to the name of the function: esbuild's own error follows it.
 */
function plainSynthFailure(message: string): string {
  return message.replace(
    /^Failed to bundle asset (\S+?)\/Code\/Stage, bundle output is located at .*$/m,
    (_line, construct: string) => `esbuild could not bundle the code of ${construct}:`,
  );
}
