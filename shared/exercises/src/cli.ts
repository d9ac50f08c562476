#!/usr/bin/env node
/**
 * `pnpm exercise`: the workshop's exercises, checked on every save. See {@link USAGE}.
 *
 * @module
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CommandOutput,
  hintCommand,
  listCommand,
  solutionCommand,
  stateCommand,
  verifyCommand,
} from './commands.js';
import { watchCommand } from './watch-command.js';
import { EXERCISE_ID, findWorkshopRoot, Workshop } from './workshop.js';

/** The command's help text. */
export const USAGE = `Usage: pnpm exercise [command] [<id>]

  (no command)        the exercise to work on: its statement, then a check on every save
  watch [<id>]        the same, for a given exercise
  list [--json]       every exercise with its id, chapter, title and whether it is solved
  start <id>          put the exercise's problem into its chapter
  verify <id>         check the chapter once: exit 0 when solved, 1 when not
  hint <id>           the next hint
  solution <id>       the solution, as a diff from the problem
  solve <id>          apply the solution
  reset <id>          put the chapter's reference files back

Ids are NN.MM: chapter NN, exercise MM (e.g. 01.02). Files holding your own edits are copied to
.exercises/backups/ before they are overwritten; on a terminal you are asked first.
`;

/**
 * Runs one command line.
 * @param args - the arguments after `pnpm exercise`
 * @param io - where to write
 * @param cwd - where to look for the repository's root from
 * @returns the exit code: 0 done or solved, 1 not solved or declined, 2 usage error
 */
export async function runCli(
  args: readonly string[],
  io: CommandOutput,
  cwd = process.cwd(),
): Promise<number> {
  const usage = (message: string) => {
    io.err(`${message}\n\n${USAGE}`);
    return 2;
  };
  const [command = 'watch', ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return 0;
  }
  const root = findWorkshopRoot(cwd) ?? findWorkshopRoot(fileURLToPath(new URL('.', import.meta.url)));
  if (root === undefined) return usage(`No workshop found from ${cwd}: run this inside the repository.`);
  const workshop = new Workshop(root);

  if (command === 'list') {
    const json = rest.includes('--json');
    const unknown = rest.filter((arg) => arg !== '--json');
    if (unknown.length > 0) return usage(`list takes only --json, got ${unknown.join(' ')}`);
    return listCommand(workshop, json, io);
  }
  const commands = ['watch', 'start', 'verify', 'hint', 'solution', 'solve', 'reset'];
  if (!commands.includes(command)) return usage(`Unknown command ${JSON.stringify(command)}.`);
  if (rest.length > 1) return usage(`${command} takes one exercise id, got ${rest.join(' ')}`);
  const [id] = rest;
  if (id === undefined && command !== 'watch') return usage(`${command} needs an exercise id, e.g. 01.01.`);
  const exercise = id === undefined ? undefined : workshop.find(id);
  if (id !== undefined && exercise === undefined) {
    const known = workshop.exercises.map((each) => each.id).join(', ');
    return usage(
      EXERCISE_ID.test(id)
        ? `No exercise ${id}; the exercises are ${known}.`
        : `${JSON.stringify(id)} is not an exercise id (NN.MM).`,
    );
  }
  switch (command) {
    case 'watch':
      return watchCommand(workshop, exercise, io);
    case 'start':
      return stateCommand(workshop, exercise!, 'problem', io);
    case 'solve':
      return stateCommand(workshop, exercise!, 'solution', io);
    case 'reset':
      return stateCommand(workshop, exercise!, 'reference', io);
    case 'verify':
      return verifyCommand(workshop, exercise!, io);
    case 'hint':
      return hintCommand(workshop, exercise!, io);
    default:
      return solutionCommand(exercise!, io);
  }
}

if (
  process.argv[1] !== undefined &&
  realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])
) {
  const io: CommandOutput = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
