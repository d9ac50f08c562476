/**
 * The failures of a chapter's checks are worded for the lesson ("where the lesson says 200"); an exercise's
 * checks are not the lesson, and its learner's code may never have sent what is missing. This rewords them
 * for the exercise.
 *
 * @module
 */

/** Each phrase of the lesson's wording, with the exercise's. Longer phrases come first. */
const EXERCISE_WORDING: ReadonlyArray<readonly [lesson: string, exercise: string]> = [
  ['which the lesson says it never does', 'which the exercise expects it never to carry'],
  ['which the lesson says it does not', 'which the exercise expects it not to carry'],
  ['a CORS header the lesson does not show', 'a CORS header the exercise does not expect'],
  ['where the lesson shows', 'where the exercise expects'],
  ['(the lesson shows', '(the exercise expects'],
  ['the lesson says', 'the exercise expects'],
  [' no longer carries ', ' does not carry '],
];

/**
 * Rewords one failure of a check, or of a browser call, from the lesson's terms to the exercise's.
 * @param failure - e.g. ``"`GET /` now answers 403, where the lesson says 200"``
 * @returns e.g. ``"`GET /` now answers 403, where the exercise expects 200"``
 * @see evaluateResponse in `@cors-workshop/verify`, which words the request checks' failures
 */
export function inExerciseTerms(failure: string): string {
  let worded = failure;
  for (const [lesson, exercise] of EXERCISE_WORDING) worded = worded.replaceAll(lesson, exercise);
  return worded;
}
