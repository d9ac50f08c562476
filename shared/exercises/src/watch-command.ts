/**
 * `pnpm exercise` (and `pnpm exercise watch [<id>]`): the exercise to work on, its statement, then a check on
 * every save until it is solved; then the next one, when there is a terminal to ask.
 *
 * @module
 */
import type { CommandOutput } from './commands.js';
import { recordSolved, stateCommand } from './commands.js';
import { describeVerdict } from './describe-verdict.js';
import type { Exercise } from './exercise.js';
import { ExerciseVerifier } from './exercise-verifier.js';
import { canAsk, waitForEnter } from './terminal.js';
import { watchExercise } from './watch-exercise.js';
import type { Workshop } from './workshop.js';

/**
 * Runs watch mode from `first` (or the next unsolved exercise) until the learner stops or, with no terminal,
 * until the exercise is solved.
 * @returns 0 when an exercise was solved or none is left, 1 when starting one was declined
 */
export async function watchCommand(
  workshop: Workshop,
  first: Exercise | undefined,
  io: CommandOutput,
): Promise<number> {
  let exercise = first ?? workshop.next();
  if (exercise === undefined) {
    io.out('Every exercise of the workshop is solved. `pnpm exercise list` shows them.\n');
    return 0;
  }
  const verifier = new ExerciseVerifier(workshop.root);
  const stop = () => {
    void verifier.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (;;) {
      const started = workshop.progress().exercises[exercise.id]?.started !== undefined;
      if (started) {
        io.out(
          `${exercise.id} ${exercise.title} (continuing where you left it)\n\n${exercise.statement.trim()}\n\n`,
        );
      } else if ((await stateCommand(workshop, exercise, 'problem', io)) !== 0) {
        return 1;
      }
      io.out(`Watching chapters/${exercise.chapter}/: every save is checked. Ctrl-C stops.\n\n`);
      const current = exercise;
      const watch = watchExercise({
        verifier,
        exercise: current,
        onCheck: (changed) =>
          io.out(changed === undefined ? 'Checking…\n' : `${changed} changed, checking…\n`),
        onVerdict: (verdict) => {
          const seconds = (verdict.timings.total / 1000).toFixed(1);
          io.out(`${describeVerdict(current, verdict)}(${seconds} s)\n\n`);
        },
      });
      await watch.solved;
      recordSolved(workshop, current, io);
      const next = workshop.nextAfter(current.id);
      if (next === undefined || !canAsk()) return 0;
      await waitForEnter(`Press Enter to start ${next.id}, or Ctrl-C to stop. `);
      exercise = next;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await verifier.close();
  }
}
