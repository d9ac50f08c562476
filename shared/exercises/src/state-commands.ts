/**
 * `start`, `solve` and `reset`: put an exercise's problem, its solution, or the chapter's reference into the
 * learner's chapter, keeping a backup of any file that holds their own edits.
 *
 * @module
 */
import {
  type ConfirmOverwrite,
  knownContents,
  type WriteStateResult,
  writeChapterState,
} from './chapter-files.js';
import { type Exercise, exerciseFiles } from './exercise.js';
import {
  type FileState,
  problemState,
  type ReferenceFiles,
  referenceState,
  solutionState,
} from './exercise-states.js';
import type { Workshop } from './workshop.js';

/** Which state to put in place. */
export type ChapterStateName = 'problem' | 'solution' | 'reference';

/** Options of {@link putExerciseState}. */
export interface PutStateOptions {
  /** The workshop. */
  readonly workshop: Workshop;
  /** The exercise. */
  readonly exercise: Exercise;
  /** `problem` (start), `solution` (solve) or `reference` (reset). */
  readonly state: ChapterStateName;
  /** The chapter's reference files. */
  readonly reference: ReferenceFiles;
  /** Asked before files holding the learner's edits are overwritten. */
  readonly confirm: ConfirmOverwrite;
}

/**
 * Puts one state of an exercise into its chapter. For `problem` and `solution`, the files of the chapter's
 * other exercises go back to the reference as well, so that the chapter is the lesson plus this exercise.
 * @param options - the exercise, the state and how to ask
 * @returns what was written and backed up
 * @throws Error when a patch of the exercise no longer fits the chapter
 */
export function putExerciseState(options: PutStateOptions): Promise<WriteStateResult> {
  const { workshop, exercise, reference } = options;
  const siblings = workshop.chapterExercises(exercise.chapter);
  const target = new Map<string, string | undefined>();
  if (options.state !== 'reference') {
    for (const sibling of siblings) {
      for (const path of exerciseFiles(sibling)) target.set(path, reference(path));
    }
  }
  const own: FileState =
    options.state === 'problem'
      ? problemState(exercise, reference)
      : options.state === 'solution'
        ? solutionState(exercise, reference)
        : referenceState(exercise, reference);
  for (const [path, content] of own) target.set(path, content);
  return writeChapterState({
    root: workshop.root,
    chapterDir: exercise.chapterDir,
    target,
    known: knownContents(siblings, reference),
    label: `${exercise.id}-${options.state}`,
    confirm: options.confirm,
  });
}
