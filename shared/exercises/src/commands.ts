/**
 * The runner's commands, each returning its exit code: 0 done (or solved), 1 not solved or declined, 2 a
 * usage error.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import type { WriteStateResult } from './chapter-files.js';
import { describeVerdict } from './describe-verdict.js';
import type { Exercise } from './exercise.js';
import { gitReference } from './exercise-states.js';
import { ExerciseVerifier } from './exercise-verifier.js';
import { updateProgress } from './progress.js';
import { type ChapterStateName, putExerciseState } from './state-commands.js';
import { askYesNo, canAsk } from './terminal.js';
import type { Workshop } from './workshop.js';

/** Where a command writes. */
export interface CommandOutput {
  /** Standard output. */
  out(text: string): void;
  /** Standard error. */
  err(text: string): void;
}

/** The entry of `list --json`. */
export interface ListedExercise {
  /** `NN.MM`. */
  readonly id: string;
  /** The chapter's folder name, e.g. `01-rest-proxy`. */
  readonly chapter: string;
  /** The exercise's title. */
  readonly title: string;
  /** Whether its checks have all held once. */
  readonly solved: boolean;
}

/** `list [--json]`: every exercise, its chapter, title and state. */
export function listCommand(workshop: Workshop, json: boolean, io: CommandOutput): number {
  const progress = workshop.progress();
  const listed: ListedExercise[] = workshop.exercises.map((exercise) => ({
    id: exercise.id,
    chapter: exercise.chapter,
    title: exercise.title,
    solved: progress.exercises[exercise.id]?.solved !== undefined,
  }));
  if (json) {
    io.out(`${JSON.stringify(listed, null, 2)}\n`);
    return 0;
  }
  let chapter = '';
  for (const entry of listed) {
    if (entry.chapter !== chapter) {
      chapter = entry.chapter;
      io.out(`${chapter === listed[0]!.chapter ? '' : '\n'}${chapter}\n`);
    }
    const started = progress.exercises[entry.id]?.started !== undefined;
    const mark = entry.solved ? '✔' : progress.current === entry.id ? '▶' : started ? '…' : ' ';
    io.out(`  ${mark} ${entry.id}  ${entry.title}\n`);
  }
  const solved = listed.filter((entry) => entry.solved).length;
  io.out(`\n${solved} of ${listed.length} solved. ✔ solved  ▶ current  … started\n`);
  return 0;
}

/** `hint <id>`: the hints shown so far and the next one. */
export function hintCommand(workshop: Workshop, exercise: Exercise, io: CommandOutput): number {
  const shown = workshop.progress().exercises[exercise.id]?.hintsShown ?? 0;
  const count = Math.min(shown + 1, exercise.hints.length);
  updateProgress(workshop.root, exercise.id, { hintsShown: count });
  io.out(`${exercise.id} ${exercise.title}\n`);
  exercise.hints.slice(0, count).forEach((hint, index) => {
    io.out(`\nHint ${index + 1} of ${exercise.hints.length}:\n${hint}\n`);
  });
  if (count < exercise.hints.length) io.out(`\nRun the command again for the next hint.\n`);
  return 0;
}

/** `solution <id>`: the solution, as the diff from the problem. */
export function solutionCommand(exercise: Exercise, io: CommandOutput): number {
  const file = `${exercise.dir}/solution.patch`;
  io.out(
    `${exercise.id} ${exercise.title}: the solution, as a diff from the problem (paths are in ${exercise.chapter}/)\n\n`,
  );
  io.out(readFileSync(file, 'utf8'));
  io.out(`\nApply it with \`pnpm exercise solve ${exercise.id}\`.\n`);
  return 0;
}

/** `start`, `solve` and `reset`: put a state of the exercise in place. */
export async function stateCommand(
  workshop: Workshop,
  exercise: Exercise,
  state: ChapterStateName,
  io: CommandOutput,
): Promise<number> {
  const result = await putExerciseState({
    workshop,
    exercise,
    state,
    reference: gitReference(workshop.root, exercise.chapterDir),
    confirm: async (edited, backupDir) => {
      const files = edited.map((path) => `chapters/${exercise.chapter}/${path}`).join(', ');
      if (!canAsk()) {
        io.err(`Your edits of ${files} are kept in ${backupDir}/\n`);
        return true;
      }
      const holds = edited.length === 1 ? 'holds' : 'hold';
      return askYesNo(`${files} ${holds} edits of yours (a copy is in ${backupDir}/). Overwrite?`);
    },
  });
  if (result.cancelled) {
    io.err('Nothing was changed.\n');
    return 1;
  }
  reportWritten(exercise, result, io);
  if (state === 'problem') {
    updateProgress(workshop.root, exercise.id, { started: new Date().toISOString() }, true);
    io.out(`\n${exercise.statement.trim()}\n\n`);
    io.out(
      `Work in chapters/${exercise.chapter}/. \`pnpm exercise verify ${exercise.id}\` checks it once, \`pnpm exercise\` on every save; \`pnpm exercise hint ${exercise.id}\` gives a hint.\n`,
    );
  } else if (state === 'solution') {
    io.out(`\`pnpm exercise verify ${exercise.id}\` checks it.\n`);
  } else {
    io.out(`chapters/${exercise.chapter}/ is the lesson's again for this exercise's files.\n`);
  }
  return 0;
}

/** `verify <id>`: check the learner's chapter once; 0 when solved, 1 when not. */
export async function verifyCommand(
  workshop: Workshop,
  exercise: Exercise,
  io: CommandOutput,
): Promise<number> {
  const verifier = new ExerciseVerifier(workshop.root);
  try {
    const verdict = await verifier.verify(exercise);
    io.out(describeVerdict(exercise, verdict));
    if (verdict.solved) recordSolved(workshop, exercise, io);
    return verdict.solved ? 0 : 1;
  } finally {
    await verifier.close();
  }
}

/** Records a passing verdict and says what comes next. */
export function recordSolved(workshop: Workshop, exercise: Exercise, io: CommandOutput): void {
  if (!workshop.isSolved(exercise.id)) {
    updateProgress(workshop.root, exercise.id, { solved: new Date().toISOString() });
  }
  const next = workshop.nextAfter(exercise.id);
  io.out(
    next === undefined
      ? 'Every exercise of the workshop is solved.\n'
      : `Next: ${next.id} ${next.title} (\`pnpm exercise\`, or \`pnpm exercise start ${next.id}\`).\n`,
  );
}

function reportWritten(exercise: Exercise, result: WriteStateResult, io: CommandOutput): void {
  const files = result.written.map((path) => `chapters/${exercise.chapter}/${path}`);
  io.out(files.length === 0 ? 'The files were already in place.\n' : `Wrote ${files.join(', ')}.\n`);
  if (result.backupDir !== undefined) io.out(`Your previous edits are in ${result.backupDir}/.\n`);
}
