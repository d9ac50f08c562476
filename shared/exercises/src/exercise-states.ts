/**
 * The states of an exercise's files: the chapter's reference (the lesson as committed), the problem (the
 * reference with `problem.patch` applied) and the solution (the problem with `solution.patch` applied).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Exercise, exerciseFiles, exerciseSource } from './exercise.js';
import { applyFilePatch } from './patch-file.js';

/**
 * The content of a chapter file in its reference state, by path relative to the chapter; `undefined` when the
 * reference has no such file.
 */
export type ReferenceFiles = (path: string) => string | undefined;

/**
 * Files by path relative to the chapter: the content to write, or `undefined` for a file that must not exist.
 */
export type FileState = ReadonlyMap<string, string | undefined>;

/**
 * The reference read from the chapter folder as it is now: right for a fresh checkout, and for tests, which
 * never change the chapter.
 * @param chapterDir - the chapter's folder
 */
export function workingTreeReference(chapterDir: string): ReferenceFiles {
  return (path) => {
    const file = join(chapterDir, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

/**
 * The reference as the repository's last commit holds it (`git show HEAD:<file>`), whatever the learner has
 * changed since.
 * @param root - the repository's root
 * @param chapterDir - the chapter's folder, inside `root`
 * @throws Error, on first use, when `root` is not a git checkout
 */
export function gitReference(root: string, chapterDir: string): ReferenceFiles {
  const chapterPath = relative(root, chapterDir).split('\\').join('/');
  const cache = new Map<string, string | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    let content: string | undefined;
    try {
      content = execFileSync('git', ['show', `HEAD:${chapterPath}/${path}`], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
        // git's messages in English, whatever the learner's locale: a missing file is told apart by them.
        env: { ...process.env, LC_ALL: 'C' },
      });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      if (!/does not exist|exists on disk, but not in/.test(stderr)) {
        throw new Error(
          `The chapter's reference files are read from git, and git could not read ${chapterPath}/${path}: ${stderr.trim() || (error as Error).message}`,
        );
      }
      content = undefined;
    }
    cache.set(path, content);
    return content;
  };
}

/**
 * The files of the exercise as the learner starts them.
 * @param exercise - the exercise
 * @param reference - the chapter's reference files
 * @returns every file the exercise changes (see `exerciseFiles`), in its problem state
 * @throws Error when `problem.patch` does not fit the reference
 */
export function problemState(exercise: Exercise, reference: ReferenceFiles): Map<string, string | undefined> {
  const state = new Map(exerciseFiles(exercise).map((path) => [path, reference(path)] as const));
  const source = exerciseSource(exercise, 'problem.patch');
  for (const patch of exercise.problem) {
    state.set(patch.path, applyFilePatch(patch, state.get(patch.path), source));
  }
  return state;
}

/**
 * The files of the exercise once solved the way its solution does.
 * @param exercise - the exercise
 * @param reference - the chapter's reference files
 * @returns every file the exercise changes, in its solution state
 * @throws Error when `problem.patch` or `solution.patch` does not fit
 */
export function solutionState(
  exercise: Exercise,
  reference: ReferenceFiles,
): Map<string, string | undefined> {
  const state = problemState(exercise, reference);
  const source = exerciseSource(exercise, 'solution.patch');
  for (const patch of exercise.solution) {
    state.set(patch.path, applyFilePatch(patch, state.get(patch.path), source));
  }
  return state;
}

/**
 * The reference state of the files an exercise changes: what `reset` puts back.
 * @param exercise - the exercise
 * @param reference - the chapter's reference files
 */
export function referenceState(
  exercise: Exercise,
  reference: ReferenceFiles,
): Map<string, string | undefined> {
  return new Map(exerciseFiles(exercise).map((path) => [path, reference(path)] as const));
}
