/**
 * Watch mode: checks an exercise now, then again after every save in its chapter, until it is solved.
 *
 * @module
 */
import { type FSWatcher, watch } from 'node:fs';
import { isSnapshotted } from './chapter-snapshot.js';
import type { Exercise } from './exercise.js';
import type { ExerciseVerifier } from './exercise-verifier.js';
import type { ExerciseVerdict } from './verdict.js';

/** Options of {@link watchExercise}. */
export interface WatchExerciseOptions {
  /** The verifier that runs the checks (kept open between runs). */
  readonly verifier: ExerciseVerifier;
  /** The exercise. */
  readonly exercise: Exercise;
  /**
   * The chapter folder to watch and check.
   * @default - the exercise's chapter folder
   */
  readonly chapterDir?: string;
  /** Called when a check starts, with the file whose change caused it (`undefined` for the first). */
  readonly onCheck?: (changed: string | undefined) => void;
  /** Called with each verdict, the passing one included. */
  readonly onVerdict: (verdict: ExerciseVerdict) => void;
  /**
   * How long to wait after a change for more changes (an editor may write a file in several steps), in ms.
   * @default 100
   */
  readonly settleMs?: number;
}

/** A running watch. */
export interface ExerciseWatch {
  /** Settles with the first passing verdict; rejects when a check cannot run at all. */
  readonly solved: Promise<ExerciseVerdict>;
  /** Stops watching; a check under way finishes first. */
  stop(): Promise<void>;
}

/**
 * Checks the exercise at once, then after every change to a file of the chapter that a synth reads (not
 * `node_modules`, `cdk.out`, `test/` or `exercises/`). Changes made during a check cause one more check
 * after it. Watching stops by itself once the exercise is solved.
 * @param options - the verifier, the exercise, the folder and the callbacks
 * @example
 * ```ts
 * const watch = watchExercise({ verifier, exercise, onVerdict: (v) => print(describeVerdict(exercise, v)) });
 * await watch.solved;
 * ```
 */
export function watchExercise(options: WatchExerciseOptions): ExerciseWatch {
  const chapterDir = options.chapterDir ?? options.exercise.chapterDir;
  const settleMs = options.settleMs ?? 100;
  let stopped = false;
  let running: Promise<void> | undefined;
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let resolveSolved!: (verdict: ExerciseVerdict) => void;
  let rejectSolved!: (error: unknown) => void;
  const solved = new Promise<ExerciseVerdict>((resolve, reject) => {
    resolveSolved = resolve;
    rejectSolved = reject;
  });

  const check = (changed: string | undefined): void => {
    if (stopped) return;
    if (running !== undefined) {
      pending = changed ?? pending;
      return;
    }
    running = (async () => {
      options.onCheck?.(changed);
      const verdict = await options.verifier.verify(options.exercise, { sourceDir: chapterDir });
      if (stopped) return;
      options.onVerdict(verdict);
      if (verdict.solved) {
        stopWatching();
        resolveSolved(verdict);
      }
    })()
      .catch((error: unknown) => {
        stopWatching();
        rejectSolved(error);
      })
      .finally(() => {
        running = undefined;
        if (pending !== undefined && !stopped) {
          const next = pending;
          pending = undefined;
          check(next);
        }
      });
  };

  const stopWatching = () => {
    stopped = true;
    clearTimeout(timer);
    watcher?.close();
  };

  watcher = watch(chapterDir, { recursive: true }, (_event, file) => {
    const changed = file?.toString();
    if (changed === undefined || !isSnapshotted(changed)) return;
    clearTimeout(timer);
    timer = setTimeout(() => check(changed), settleMs);
  });
  check(undefined);

  return {
    solved,
    stop: async () => {
      stopWatching();
      await running;
    },
  };
}
