import { afterAll, describe, expect, it } from 'vitest';
import { describeVerdict } from '../src/describe-verdict.js';
import { problemState, solutionState, workingTreeReference } from '../src/exercise-states.js';
import { ExerciseVerifier } from '../src/exercise-verifier.js';
import { readExercises } from '../src/read-exercises.js';
import { ROOT } from './repository.js';

// Every exercise of every chapter, found the way `pnpm exercise` finds them. The states are applied to a
// copy of the chapter: the real chapter folder is never changed, so the chapters' own tests keep describing
// the lesson.
const exercises = readExercises(ROOT);
const verifier = new ExerciseVerifier(ROOT);
afterAll(() => verifier.close());

describe('the exercises of every chapter', () => {
  it('have unique NN.MM ids that name their chapter', () => {
    const ids = exercises.map((exercise) => exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const exercise of exercises) {
      expect(exercise.id).toMatch(/^\d\d\.\d\d$/);
      expect(exercise.chapter.slice(0, 2)).toBe(exercise.id.slice(0, 2));
    }
  });

  it.for([
    '01-rest-proxy',
    '02-rest-custom-vtl',
    '03-http-api',
    '04-service-integrations',
    '05-authorizers',
    '06-errors',
    '07-credentials',
  ])('number at least three in chapter %s', (chapter) => {
    expect(exercises.filter((exercise) => exercise.chapter === chapter).length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(exercises.map((exercise) => [`${exercise.id} ${exercise.title}`, exercise] as const))(
  '%s',
  (_name, exercise) => {
    const reference = workingTreeReference(exercise.chapterDir);

    it('is not solved by its problem state', async () => {
      const verdict = await verifier.verify(exercise, { overlay: problemState(exercise, reference) });

      expect(verdict.solved, describeVerdict(exercise, verdict)).toBe(false);
      // Not solved for the exercise's reason: a check fails, or the app or the gateway refuses the chapter.
      expect(verdict.refused !== undefined || verdict.results.some((result) => !result.passed)).toBe(true);
      expect(verdict.refused?.message ?? '').not.toMatch(/^the synth process ended/);
    });

    it('is solved by its solution', async () => {
      const verdict = await verifier.verify(exercise, { overlay: solutionState(exercise, reference) });

      expect(verdict.refused, describeVerdict(exercise, verdict)).toBeUndefined();
      expect(verdict.solved, describeVerdict(exercise, verdict)).toBe(true);
    });
  },
);
