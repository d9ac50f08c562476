import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { problemState, solutionState, workingTreeReference } from '../src/exercise-states.js';
import { readExercises } from '../src/read-exercises.js';
import { ROOT } from './repository.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const CHAPTER = '01-rest-proxy';

// A clone of the workshop with chapter 01 only, committed to git as a learner's clone is: the commands change
// its files, never the real chapter's.
const clone = mkdtempSync(join(tmpdir(), 'cors-exercise-cli-'));
for (const file of ['pnpm-workspace.yaml', 'pnpm-lock.yaml', 'tsconfig.base.json']) {
  copyFileSync(join(ROOT, file), join(clone, file));
}
cpSync(join(ROOT, 'chapters', CHAPTER), join(clone, 'chapters', CHAPTER), {
  recursive: true,
  filter: (source) => !/[\\/](node_modules|cdk\.out[^\\/]*)$/.test(source),
});
symlinkSync(
  join(ROOT, 'chapters', CHAPTER, 'node_modules'),
  join(clone, 'chapters', CHAPTER, 'node_modules'),
);
writeFileSync(join(clone, '.gitignore'), 'node_modules\n.exercises/\n');
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Learner', '-c', 'user.email=learner@example.com', ...args], {
    cwd: clone,
  });
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'The workshop');
afterAll(() => rmSync(clone, { recursive: true, force: true }));

const chapterDir = join(clone, 'chapters', CHAPTER);
const exercises = readExercises(clone);
const exercise = exercises.find((each) => each.id === '01.01')!;
const reference = workingTreeReference(join(ROOT, 'chapters', CHAPTER));
const handler = join(chapterDir, 'handlers', 'rest-proxy.ts');

/** Runs `pnpm exercise …` in the clone, without a terminal. */
function exercise_(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: clone,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pnpm exercise list', () => {
  it('prints every exercise as { id, chapter, title, solved } with --json', () => {
    const { code, stdout } = exercise_('list', '--json');

    expect(code).toBe(0);
    const listed = JSON.parse(stdout);
    expect(listed).toEqual(
      exercises.map((each) => ({ id: each.id, chapter: CHAPTER, title: each.title, solved: false })),
    );
    expect(Object.keys(listed[0]).sort()).toEqual(['chapter', 'id', 'solved', 'title']);
  });

  it('prints one line per exercise without --json', () => {
    const { code, stdout } = exercise_('list');

    expect(code).toBe(0);
    for (const each of exercises) expect(stdout).toContain(`${each.id}  ${each.title}`);
  });
});

describe('usage errors', () => {
  it.for([
    ['an unknown command', ['bogus']],
    ['a command without its id', ['start']],
    ['an id no exercise has', ['verify', '99.99']],
    ['something that is not an id', ['hint', 'first']],
    ['an unknown flag of list', ['list', '--xml']],
    ['two ids', ['solve', '01.01', '01.02']],
  ])('exit with 2 on %s', ([, args]) => {
    const { code, stderr } = exercise_(...(args as string[]));

    expect(code).toBe(2);
    expect(stderr).toContain('Usage: pnpm exercise');
  });
});

describe('an exercise from start to solved', () => {
  it('start puts the problem in place and makes the exercise current', () => {
    const { code, stdout } = exercise_('start', '01.01');

    expect(code).toBe(0);
    expect(readFileSync(handler, 'utf8')).toBe(
      problemState(exercise, reference).get('handlers/rest-proxy.ts'),
    );
    expect(stdout).toContain(exercise.title);
    expect(JSON.parse(readFileSync(join(clone, '.exercises', 'progress.json'), 'utf8')).current).toBe(
      '01.01',
    );
  });

  it('verify exits with 1 and says what the browser refused', () => {
    const { code, stdout } = exercise_('verify', '01.01');

    expect(code).toBe(1);
    expect(stdout).toContain('not solved yet');
    expect(stdout).toContain("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(stdout).toContain('(no Access-Control-* header)');
  });

  it('hint gives one more hint each time', () => {
    const first = exercise_('hint', '01.01').stdout;
    const second = exercise_('hint', '01.01').stdout;

    expect(first).toContain('Hint 1 of 3');
    expect(first).not.toContain('Hint 2 of 3');
    expect(second).toContain('Hint 2 of 3');
  });

  it('solution shows the diff from the problem to the solution', () => {
    const { code, stdout } = exercise_('solution', '01.01');

    expect(code).toBe(0);
    expect(stdout).toContain("+    headers: { 'Access-Control-Allow-Origin': '*' },");
  });

  it('solve applies the solution, and verify then exits with 0 and records it', () => {
    expect(exercise_('solve', '01.01').code).toBe(0);
    expect(readFileSync(handler, 'utf8')).toBe(
      solutionState(exercise, reference).get('handlers/rest-proxy.ts'),
    );

    const { code, stdout } = exercise_('verify', '01.01');

    expect(code).toBe(0);
    expect(stdout).toContain('solved');
    const listed = JSON.parse(exercise_('list', '--json').stdout);
    expect(listed.find((each: { id: string }) => each.id === '01.01').solved).toBe(true);
  });
});

describe('the learner’s edits are never lost', () => {
  it('reset of an edited file keeps a backup of the edit when no one can be asked', () => {
    exercise_('start', '01.01');
    const edited = `${readFileSync(handler, 'utf8')}// my own attempt\n`;
    writeFileSync(handler, edited);

    const { code, stderr } = exercise_('reset', '01.01');

    expect(code).toBe(0);
    expect(readFileSync(handler, 'utf8')).toBe(reference('handlers/rest-proxy.ts'));
    expect(stderr).toContain('.exercises/backups/');
    const backups = readdirSync(join(clone, '.exercises', 'backups'));
    const copy = join(
      clone,
      '.exercises',
      'backups',
      backups.at(-1)!,
      'chapters',
      CHAPTER,
      'handlers',
      'rest-proxy.ts',
    );
    expect(readFileSync(copy, 'utf8')).toBe(edited);
  });

  it('reset of an untouched problem keeps no backup', () => {
    const before = existsSync(join(clone, '.exercises', 'backups'))
      ? readdirSync(join(clone, '.exercises', 'backups')).length
      : 0;
    exercise_('start', '01.01');

    const { code, stderr } = exercise_('reset', '01.01');

    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(readdirSync(join(clone, '.exercises', 'backups'))).toHaveLength(before);
  });

  it('starting another exercise of the chapter puts the first one’s files back', () => {
    exercise_('start', '01.01');

    expect(exercise_('start', '01.05').code).toBe(0);

    const other = exercises.find((each) => each.id === '01.05')!;
    expect(readFileSync(handler, 'utf8')).toBe(problemState(other, reference).get('handlers/rest-proxy.ts'));
    expect(readFileSync(handler, 'utf8')).toBe(reference('handlers/rest-proxy.ts'));
  });
});

describe('pnpm exercise, with no command', () => {
  it('continues the current exercise, checks it on a save, records it solved and names the next', async () => {
    // The tests above left 01.05 started and current.
    const current = exercises.find((each) => each.id === '01.05')!;
    const child = spawn(process.execPath, [CLI], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const firstVerdict = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('not solved yet')) resolve();
      });
    });
    try {
      await firstVerdict;
      expect(stdout).toContain(`${current.id} ${current.title} (continuing where you left it)`);

      for (const [path, content] of solutionState(current, reference)) {
        writeFileSync(join(chapterDir, path), content!);
      }

      expect(await exited).toBe(0);
      expect(stdout).toContain(`✔ ${current.id} ${current.title}: solved`);
      expect(stdout).toContain('Next: 01.02');
      const listed = JSON.parse(exercise_('list', '--json').stdout);
      expect(listed.find((each: { id: string }) => each.id === '01.05').solved).toBe(true);
    } finally {
      child.kill();
    }
  });
});
