// The exercise runner's feedback loop: in watch mode, a save in the chapter → the verdict printed. Measured on
// a copy of chapter 01 in exercise 01.01's problem state (the real chapter is never touched), each save with
// new content so that every one is synthesized for real; against `cdk synth` of the same chapter, in the
// same run. `node scripts/bench/exercise-feedback.mjs` runs it alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ExerciseVerifier,
  problemState,
  readExercises,
  snapshotChapter,
  solutionState,
  watchExercise,
  workingTreeReference,
} from '@cors-workshop/exercises';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Times save → verdict in watch mode: `runs` saves of the handler and `runs` of the stack (each a check
 * that is not yet solved), then the save that solves the exercise; and `cdk synth` of the chapter alone.
 */
export async function measureExerciseFeedback(root, runs = 5) {
  const exercise = readExercises(root).find((each) => each.id === '01.01');
  const reference = workingTreeReference(exercise.chapterDir);
  const learner = snapshotChapter({
    root,
    chapter: exercise.chapter,
    overlay: problemState(exercise, reference),
  });
  const verifier = new ExerciseVerifier(root);
  const verdicts = [];
  let waiting;
  const nextVerdict = () =>
    new Promise((resolve) => {
      waiting = resolve;
    });
  let first = nextVerdict();
  const startedAt = performance.now();
  const watch = watchExercise({
    verifier,
    exercise,
    chapterDir: learner.chapterDir,
    onVerdict: (verdict) => {
      verdicts.push(verdict);
      waiting?.(verdict);
    },
  });
  const handler = join(learner.chapterDir, 'handlers/rest-proxy.ts');
  const stack = join(learner.chapterDir, 'lib/proxy-cors-restapi-stack.ts');
  const problem = problemState(exercise, reference);
  const save = async (file, content) => {
    const verdict = nextVerdict();
    const savedAt = performance.now();
    writeFileSync(file, content);
    const result = await verdict;
    return { ms: performance.now() - savedAt, solved: result.solved };
  };
  try {
    await first;
    const firstMs = performance.now() - startedAt;
    first = undefined;
    const handlerSaves = [];
    const stackSaves = [];
    for (let run = 1; run <= runs; run++) {
      handlerSaves.push(await save(handler, `${problem.get('handlers/rest-proxy.ts')}// save ${run}\n`));
      stackSaves.push(await save(stack, `${reference('lib/proxy-cors-restapi-stack.ts')}// save ${run}\n`));
    }
    const solving = await save(handler, solutionState(exercise, reference).get('handlers/rest-proxy.ts'));
    if ([...handlerSaves, ...stackSaves].some((each) => each.solved) || !solving.solved) {
      throw new Error(
        'the exercise was solved by the wrong save: the measurement is not of the feedback loop',
      );
    }
    return {
      runs,
      firstMs,
      handlerSaveMs: median(handlerSaves.map((each) => each.ms)),
      stackSaveMs: median(stackSaves.map((each) => each.ms)),
      solvingSaveMs: solving.ms,
      cdkSynthMs: cdkSynth(root, 2),
    };
  } finally {
    await watch.stop();
    await verifier.close();
    learner.dispose();
  }
}

/** The median time of `cdk synth` of chapter 01 into a temporary folder, as its `synth` script runs it. */
function cdkSynth(root, runs) {
  const chapterDir = join(root, 'chapters/01-rest-proxy');
  const times = [];
  for (let run = 0; run < runs; run++) {
    const out = mkdtempSync(join(tmpdir(), 'cors-bench-synth-'));
    const startedAt = performance.now();
    try {
      execFileSync(join(chapterDir, 'node_modules/.bin/cdk'), ['synth', '--quiet', '-o', out], {
        cwd: chapterDir,
        env: {
          ...process.env,
          CDK_DISABLE_VERSION_CHECK: 'true',
          PATH: `${join(chapterDir, 'node_modules/.bin')}:${process.env.PATH}`,
        },
        stdio: 'ignore',
      });
      times.push(performance.now() - startedAt);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return median(times);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
  const result = await measureExerciseFeedback(root);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
