/**
 * The workshop as the exercise runner sees it: the repository's root, its exercises in order, and the
 * learner's progress through them.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exercise } from './exercise.js';
import { type Progress, readProgress } from './progress.js';
import { readExercises } from './read-exercises.js';

/** An exercise id: the chapter's number and the exercise's, `NN.MM`. */
export const EXERCISE_ID = /^\d\d\.\d\d$/;

/**
 * Finds the repository's root from a folder inside it: the nearest folder holding both
 * `pnpm-workspace.yaml` and `chapters/`.
 * @param from - where to start looking
 * @returns the root, or `undefined` outside the workshop
 */
export function findWorkshopRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(join(dir, 'chapters'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The exercises of a repository and the learner's progress. */
export class Workshop {
  /** The repository's root. */
  readonly root: string;
  /** Every exercise, by id. */
  readonly exercises: readonly Exercise[];

  /** @param root - the repository's root */
  constructor(root: string) {
    this.root = root;
    this.exercises = readExercises(root);
  }

  /** The progress, read afresh. */
  progress(): Progress {
    return readProgress(this.root);
  }

  /** The exercise with this id, or `undefined`. */
  find(id: string): Exercise | undefined {
    return this.exercises.find((exercise) => exercise.id === id);
  }

  /** The exercises of one chapter. */
  chapterExercises(chapter: string): Exercise[] {
    return this.exercises.filter((exercise) => exercise.chapter === chapter);
  }

  /** Whether an exercise has been solved. */
  isSolved(id: string): boolean {
    return this.progress().exercises[id]?.solved !== undefined;
  }

  /**
   * The exercise to work on: the one started last if it is still unsolved, otherwise the first unsolved one.
   * @returns `undefined` when every exercise is solved
   */
  next(): Exercise | undefined {
    const progress = this.progress();
    const unsolved = (exercise: Exercise) => progress.exercises[exercise.id]?.solved === undefined;
    const current = this.exercises.find((exercise) => exercise.id === progress.current);
    if (current !== undefined && unsolved(current)) return current;
    return this.exercises.find(unsolved);
  }

  /** The first unsolved exercise after `id`, wrapping around; `undefined` when none is left. */
  nextAfter(id: string): Exercise | undefined {
    const progress = this.progress();
    const at = this.exercises.findIndex((exercise) => exercise.id === id);
    const order = [...this.exercises.slice(at + 1), ...this.exercises.slice(0, at + 1)];
    return order.find(
      (exercise) => exercise.id !== id && progress.exercises[exercise.id]?.solved === undefined,
    );
  }
}
