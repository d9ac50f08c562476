/**
 * The learner's progress: which exercises were started and solved, and how many hints were shown. It is kept
 * in `.exercises/progress.json` at the repository's root, which git ignores.
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder, under the repository's root, holding the progress file and the backups. */
export const EXERCISES_STATE_DIR = '.exercises';

/** What is known about one exercise. */
export interface ExerciseProgress {
  /** When `start` (or `pnpm exercise`) last put its problem in place, as an ISO date. */
  readonly started?: string;
  /** When its checks first all held, as an ISO date. */
  readonly solved?: string;
  /** How many of its hints were shown. */
  readonly hintsShown?: number;
}

/** The whole progress file. */
export interface Progress {
  /** The format's version. */
  readonly version: 1;
  /** The exercise started last. */
  readonly current?: string;
  /** By exercise id. */
  readonly exercises: Readonly<Record<string, ExerciseProgress>>;
}

/** The progress file of a repository. */
export function progressFile(root: string): string {
  return join(root, EXERCISES_STATE_DIR, 'progress.json');
}

/**
 * Reads the progress; a missing file is no progress.
 * @param root - the repository's root
 * @throws Error naming the file when it is not a progress file
 */
export function readProgress(root: string): Progress {
  const file = progressFile(root);
  if (!existsSync(file)) return { version: 1, exercises: {} };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}); delete it to start over`);
  }
  const progress = value as Partial<Progress> | null;
  if (progress?.version !== 1 || typeof progress.exercises !== 'object' || progress.exercises === null) {
    throw new Error(`${file} is not a progress file of this workshop; delete it to start over`);
  }
  return progress as Progress;
}

/**
 * Changes one exercise's progress and writes the file (atomically).
 * @param root - the repository's root
 * @param id - the exercise's id
 * @param change - the fields to set
 * @param current - whether this exercise becomes the current one
 */
export function updateProgress(
  root: string,
  id: string,
  change: ExerciseProgress,
  current = false,
): Progress {
  const progress = readProgress(root);
  const updated: Progress = {
    version: 1,
    ...(current ? { current: id } : progress.current === undefined ? {} : { current: progress.current }),
    exercises: { ...progress.exercises, [id]: { ...progress.exercises[id], ...change } },
  };
  const file = progressFile(root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(updated, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return updated;
}
