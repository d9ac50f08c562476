import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { snapshotChapter } from '../src/chapter-snapshot.js';
import { problemState, solutionState, workingTreeReference } from '../src/exercise-states.js';
import { ExerciseVerifier } from '../src/exercise-verifier.js';
import { readExercises } from '../src/read-exercises.js';
import type { ExerciseVerdict } from '../src/verdict.js';
import { watchExercise } from '../src/watch-exercise.js';
import { ROOT } from './repository.js';

const exercise = readExercises(ROOT).find((each) => each.id === '01.01')!;
const reference = workingTreeReference(exercise.chapterDir);
// The learner's chapter: a copy of chapter 01 in the exercise's problem state.
const learner = snapshotChapter({
  root: ROOT,
  chapter: exercise.chapter,
  overlay: problemState(exercise, reference),
});
const verifier = new ExerciseVerifier(ROOT);
afterAll(async () => {
  await verifier.close();
  learner.dispose();
});

it('checks the chapter at once, and again after a save, until the verdict turns to solved', async () => {
  const verdicts: ExerciseVerdict[] = [];
  const checksStarted: (string | undefined)[] = [];
  let firstVerdict!: () => void;
  const firstSeen = new Promise<void>((resolve) => {
    firstVerdict = resolve;
  });
  const watch = watchExercise({
    verifier,
    exercise,
    chapterDir: learner.chapterDir,
    onCheck: (changed) => checksStarted.push(changed),
    onVerdict: (verdict) => {
      verdicts.push(verdict);
      firstVerdict();
    },
  });
  try {
    await firstSeen;
    expect(verdicts[0]!.solved).toBe(false);

    // The learner saves the fixed handler.
    const fixed = solutionState(exercise, reference).get('handlers/rest-proxy.ts')!;
    writeFileSync(join(learner.chapterDir, 'handlers/rest-proxy.ts'), fixed);
    const solved = await watch.solved;

    expect(solved.solved).toBe(true);
    expect(verdicts.at(-1)).toBe(solved);
    expect(checksStarted[0]).toBeUndefined();
    expect(checksStarted.slice(1)).toContain(join('handlers', 'rest-proxy.ts'));
  } finally {
    await watch.stop();
  }
});

it('ignores changes to files a synth never reads, such as the tests', async () => {
  const other = snapshotChapter({
    root: ROOT,
    chapter: exercise.chapter,
    overlay: problemState(exercise, reference),
  });
  const checksStarted: (string | undefined)[] = [];
  let firstVerdict!: () => void;
  const firstSeen = new Promise<void>((resolve) => {
    firstVerdict = resolve;
  });
  const watch = watchExercise({
    verifier,
    exercise,
    chapterDir: other.chapterDir,
    onCheck: (changed) => checksStarted.push(changed),
    onVerdict: () => firstVerdict(),
    settleMs: 20,
  });
  try {
    await firstSeen;
    mkdirSync(join(other.chapterDir, 'test'), { recursive: true });
    writeFileSync(join(other.chapterDir, 'test', 'extra.test.ts'), '// not read by a synth\n');
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(checksStarted).toEqual([undefined]);
  } finally {
    await watch.stop();
    other.dispose();
  }
});
