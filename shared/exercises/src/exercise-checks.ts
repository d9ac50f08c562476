/**
 * An exercise's checks, read from its `checks.json` (requests and claims, as a chapter's `checks.ts` declares
 * them) and `lab.json` (browser calls and verdicts, as a chapter's `lab.json`).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import type { LabSpec } from '@cors-workshop/testing';
import { type ChapterChecks, defineChecks } from '@cors-workshop/verify';
import { type Exercise, exerciseSource } from './exercise.js';

/** What decides that an exercise is solved. */
export interface ExerciseChecks {
  /** The request checks, run first, in order. */
  readonly requests?: ChapterChecks;
  /** The browser calls, run after the request checks on the same gateway, in order. */
  readonly lab?: LabSpec;
}

/**
 * Reads and validates an exercise's checks.
 * @param exercise - the exercise
 * @param parseLabSpec - `parseLabSpec` of `@cors-workshop/testing` (passed in, so that this module does not
 *   load the browser tooling)
 * @throws Error naming the file when a check or a call is malformed
 */
export function readExerciseChecks(
  exercise: Exercise,
  parseLabSpec: (value: unknown, file: string) => LabSpec,
): ExerciseChecks {
  const read = (file: string, name: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${exerciseSource(exercise, name)}: ${(error as Error).message}`);
    }
  };
  let requests: ChapterChecks | undefined;
  if (exercise.checksFile !== undefined) {
    try {
      requests = defineChecks(read(exercise.checksFile, 'checks.json') as ChapterChecks);
    } catch (error) {
      throw new Error(`${exerciseSource(exercise, 'checks.json')}: ${(error as Error).message}`);
    }
  }
  const lab =
    exercise.labFile === undefined
      ? undefined
      : parseLabSpec(read(exercise.labFile, 'lab.json'), exerciseSource(exercise, 'lab.json'));
  return { ...(requests === undefined ? {} : { requests }), ...(lab === undefined ? {} : { lab }) };
}
