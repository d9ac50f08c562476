/**
 * What an exercise is: a folder under its chapter's `exercises/`, holding a statement, hints, the checks that
 * decide whether it is solved, and the patches that make its problem and its solution.
 *
 * @module
 */
import { basename } from 'node:path';
import type { FilePatch } from './patch-file.js';

/**
 * One exercise, as read from `chapters/NN-slug/exercises/MM-slug/`.
 * @see ../README.md for the folder's format
 */
export interface Exercise {
  /** `NN.MM`: the chapter's number and the exercise's, e.g. `01.02`. */
  readonly id: string;
  /** The chapter's folder name, e.g. `01-rest-proxy`. */
  readonly chapter: string;
  /** The chapter's folder, absolute. */
  readonly chapterDir: string;
  /** The exercise's folder, absolute. */
  readonly dir: string;
  /** The title: the first heading of the statement. */
  readonly title: string;
  /** The statement (`README.md`), Markdown. */
  readonly statement: string;
  /** The hints (`hints.md`, one per `## ` section), in the order they are given. */
  readonly hints: readonly string[];
  /** `problem.patch`: from the chapter's reference files to the files the learner starts from. */
  readonly problem: readonly FilePatch[];
  /** `solution.patch`: from the problem to a solution. */
  readonly solution: readonly FilePatch[];
  /** `checks.json`, when the exercise has request checks (the shape `defineChecks` takes). */
  readonly checksFile?: string;
  /** `lab.json`, when the exercise has browser checks (the shape of a chapter's `lab.json`). */
  readonly labFile?: string;
}

/** The files an exercise changes, relative to its chapter: those of its problem and of its solution. */
export function exerciseFiles(exercise: Exercise): string[] {
  return [...new Set([...exercise.problem, ...exercise.solution].map((patch) => patch.path))].sort();
}

/** The file of an exercise as the repository shows it, e.g. `chapters/01-rest-proxy/exercises/01-x/hints.md`. */
export function exerciseSource(exercise: Exercise, file: string): string {
  return `chapters/${exercise.chapter}/exercises/${basename(exercise.dir)}/${file}`;
}
