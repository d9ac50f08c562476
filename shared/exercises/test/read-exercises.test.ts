import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readExercises } from '../src/read-exercises.js';

let root: string;
let exerciseDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cors-exercise-read-'));
  exerciseDir = join(root, 'chapters', '07-new-chapter', 'exercises', '02-something');
  mkdirSync(exerciseDir, { recursive: true });
  writeFileSync(join(exerciseDir, 'README.md'), '# Something to do\n\nThe statement.\n');
  writeFileSync(join(exerciseDir, 'hints.md'), '## First\n\nOne.\n\n## Second\n\nTwo.\n');
  writeFileSync(join(exerciseDir, 'lab.json'), '{}');
  writeFileSync(join(exerciseDir, 'solution.patch'), '--- a/x.ts\n+++ b/x.ts\n@@ -1 +1 @@\n-a\n+b\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readExercises', () => {
  it('finds a chapter’s exercises from its exercises/ folder alone', () => {
    const [exercise] = readExercises(root);

    expect(exercise).toMatchObject({
      id: '07.02',
      chapter: '07-new-chapter',
      title: 'Something to do',
      hints: ['One.', 'Two.'],
      problem: [],
    });
    expect(exercise!.solution.map((patch) => patch.path)).toEqual(['x.ts']);
  });

  it('names the missing file', () => {
    rmSync(join(exerciseDir, 'hints.md'));

    expect(() => readExercises(root)).toThrow(
      'chapters/07-new-chapter/exercises/02-something/hints.md is missing',
    );
  });

  it('needs checks that decide "solved"', () => {
    rmSync(join(exerciseDir, 'lab.json'));

    expect(() => readExercises(root)).toThrow('needs checks.json, lab.json or both');
  });

  it('refuses a folder whose name is not MM-slug, rather than skipping it', () => {
    mkdirSync(join(root, 'chapters', '07-new-chapter', 'exercises', '3-typo'));

    expect(() => readExercises(root)).toThrow(
      'chapters/07-new-chapter/exercises/3-typo: an exercise folder is named MM-slug',
    );
  });

  it('needs a title', () => {
    writeFileSync(join(exerciseDir, 'README.md'), 'No heading.\n');

    expect(() => readExercises(root)).toThrow('README.md must start with a "# Title" heading');
  });
});
