/**
 * Exercises that check themselves. Each chapter keeps its exercises in `exercises/MM-slug/`: a statement,
 * hints, the checks that decide "solved" (requests as in a chapter's `checks.ts`, browser calls as in its
 * `lab.json`), and the patches that make the problem and the solution. `pnpm exercise` runs them.
 *
 * @module
 */

export { type ChapterSnapshot, type SnapshotOptions, snapshotChapter } from './chapter-snapshot.js';
export { describeVerdict } from './describe-verdict.js';
export { type Exercise, exerciseFiles, exerciseSource } from './exercise.js';
export { type ExerciseChecks, readExerciseChecks } from './exercise-checks.js';
export {
  type FileState,
  gitReference,
  problemState,
  type ReferenceFiles,
  referenceState,
  solutionState,
  workingTreeReference,
} from './exercise-states.js';
export { ExerciseVerifier, type VerifyOptions } from './exercise-verifier.js';
export { applyFilePatch, type FilePatch, parsePatchFile } from './patch-file.js';
export { readExercise, readExercises } from './read-exercises.js';
export type { CheckResult, ExchangeSummary, ExerciseVerdict, VerdictTimings } from './verdict.js';
export { type ExerciseWatch, type WatchExerciseOptions, watchExercise } from './watch-exercise.js';
