/**
 * Synthesizes chapter snapshots in a long-lived child process (see `synth-worker.ts`), one at a time.
 *
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SynthReply, SynthRequest } from './synth-protocol.js';

/** The outcome of {@link Synthesizer.synth}. */
export type SynthOutcome =
  | {
      /** The assembly is in the requested folder. */
      readonly ok: true;
      /** Milliseconds the app took. */
      readonly ms: number;
    }
  | {
      /** The app failed: it does not compile, throws, or CDK refuses it. */
      readonly ok: false;
      /** What went wrong, in the words of TypeScript, CDK or esbuild, with the process's output. */
      readonly message: string;
      /** Milliseconds until it failed. */
      readonly ms: number;
    };

/**
 * How many synths one process serves before it is replaced: every snapshot's modules stay loaded in it.
 * @default 40
 */
const SYNTHS_PER_PROCESS = 40;

/**
 * Runs `bin/app.ts` of chapter folders the way `cdk synth` does: with `CDK_OUTDIR` and `CDK_CONTEXT_JSON`
 * set, the chapter's `node_modules/.bin` first on `PATH`. The process starts on first use and stays, so
 * aws-cdk-lib loads once; close it with {@link Synthesizer.close}.
 */
export class Synthesizer {
  #child: ChildProcess | undefined;
  #served = 0;
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * Synthesizes a chapter folder's app into `outdir`. Requests are served one after the other.
   * @param request - the chapter folder, the assembly folder and the context
   * @returns whether it worked, and the app's error otherwise
   */
  synth(request: Omit<SynthRequest, 'id'>): Promise<SynthOutcome> {
    const run = this.#queue.then(() => this.#run(request));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Stops the synth process, if it runs. */
  async close(): Promise<void> {
    await this.#queue;
    this.#stop();
  }

  async #run(request: Omit<SynthRequest, 'id'>): Promise<SynthOutcome> {
    if (this.#served >= SYNTHS_PER_PROCESS) this.#stop();
    const child = this.#child ?? this.#start();
    this.#served += 1;
    const id = this.#nextId++;
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    try {
      const reply = await new Promise<SynthReply>((resolve) => {
        const onMessage = (message: SynthReply) => {
          if (message.id !== id) return;
          child.off('exit', onExit);
          child.off('message', onMessage);
          resolve(message);
        };
        const onExit = (code: number | null, signal: string | null) => {
          child.off('message', onMessage);
          this.#child = undefined;
          resolve({
            id,
            ok: false,
            ms: 0,
            message: `the synth process ended (${signal ?? `exit code ${code}`})`,
          });
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send({ ...request, id } satisfies SynthRequest);
      });
      if (reply.ok) return { ok: true, ms: reply.ms };
      const shown = output.trim();
      return {
        ok: false,
        ms: reply.ms,
        message: shown === '' ? reply.message : `${reply.message}\n${shown}`,
      };
    } finally {
      child.stdout?.off('data', collect);
      child.stderr?.off('data', collect);
    }
  }

  #start(): ChildProcess {
    // Next to this module once built; the tests run the sources, and use the built worker (turbo builds first).
    const besideThis = fileURLToPath(new URL('./synth-worker.js', import.meta.url));
    const worker = existsSync(besideThis)
      ? besideThis
      : fileURLToPath(new URL('../dist/synth-worker.js', import.meta.url));
    const child = fork(worker, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    child.unref();
    this.#child = child;
    this.#served = 0;
    return child;
  }

  #stop(): void {
    this.#child?.kill();
    this.#child = undefined;
  }
}
