/**
 * Finds every chapter's exercises: `chapters/NN-slug/exercises/MM-slug/`, in order. A chapter gets exercises
 * by adding folders there; nothing else needs to know about them.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from './exercise.js';
import { type FilePatch, parsePatchFile } from './patch-file.js';

const CHAPTER_FOLDER = /^(\d\d)-[a-z0-9-]+$/;
const EXERCISE_FOLDER = /^(\d\d)-[a-z0-9-]+$/;

/**
 * Reads the exercises of every chapter of a repository.
 *
 * @param root - the repository's root, holding `chapters/`
 * @returns the exercises, sorted by id
 * @throws Error naming the folder and the file when an exercise is incomplete or malformed
 * @example
 * ```ts
 * readExercises('/path/to/workshop').map((exercise) => exercise.id); // ['01.01', '01.02', …]
 * ```
 */
export function readExercises(root: string): Exercise[] {
  const chaptersDir = join(root, 'chapters');
  if (!existsSync(chaptersDir)) {
    throw new Error(`No chapters/ folder in ${root}: run the exercises from the workshop's repository`);
  }
  const exercises: Exercise[] = [];
  for (const chapter of readdirSync(chaptersDir)
    .filter((name) => CHAPTER_FOLDER.test(name))
    .sort()) {
    const exercisesDir = join(chaptersDir, chapter, 'exercises');
    if (!existsSync(exercisesDir)) continue;
    for (const entry of readdirSync(exercisesDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (!EXERCISE_FOLDER.test(entry.name)) {
        throw new Error(
          `chapters/${chapter}/exercises/${entry.name}: an exercise folder is named MM-slug (two digits, then lower-case words)`,
        );
      }
      exercises.push(readExercise(join(chaptersDir, chapter), chapter, entry.name));
    }
  }
  return exercises.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Reads one exercise folder.
 *
 * @param chapterDir - the chapter's folder
 * @param chapter - the chapter's folder name, `NN-slug`
 * @param folder - the exercise's folder name, `MM-slug`
 * @throws Error naming the file when the statement, the hints or the solution is missing, or when the
 *   exercise has neither `checks.json` nor `lab.json`
 */
export function readExercise(chapterDir: string, chapter: string, folder: string): Exercise {
  const dir = join(chapterDir, 'exercises', folder);
  const where = `chapters/${chapter}/exercises/${folder}`;
  const statement = readRequired(join(dir, 'README.md'), `${where}/README.md`);
  const title = /^# (.+)$/m.exec(statement)?.[1]?.trim();
  if (title === undefined) {
    throw new Error(`${where}/README.md must start with a "# Title" heading`);
  }
  const hints = readRequired(join(dir, 'hints.md'), `${where}/hints.md`)
    .split(/^## .*$/m)
    .slice(1)
    .map((hint) => hint.trim())
    .filter((hint) => hint !== '');
  if (hints.length === 0) {
    throw new Error(`${where}/hints.md must hold at least one hint, each under a "## " heading`);
  }
  const checksFile = join(dir, 'checks.json');
  const labFile = join(dir, 'lab.json');
  const hasChecks = existsSync(checksFile);
  const hasLab = existsSync(labFile);
  if (!hasChecks && !hasLab) {
    throw new Error(`${where} needs checks.json, lab.json or both: the checks that decide it is solved`);
  }
  return {
    id: `${chapter.slice(0, 2)}.${folder.slice(0, 2)}`,
    chapter,
    chapterDir,
    dir,
    title,
    statement,
    hints,
    problem: readPatch(join(dir, 'problem.patch'), `${where}/problem.patch`, false),
    solution: readPatch(join(dir, 'solution.patch'), `${where}/solution.patch`, true),
    ...(hasChecks ? { checksFile } : {}),
    ...(hasLab ? { labFile } : {}),
  };
}

function readRequired(file: string, shownAs: string): string {
  if (!existsSync(file)) throw new Error(`${shownAs} is missing`);
  return readFileSync(file, 'utf8');
}

function readPatch(file: string, shownAs: string, required: boolean): FilePatch[] {
  if (!existsSync(file)) {
    if (required) throw new Error(`${shownAs} is missing`);
    return [];
  }
  const patches = parsePatchFile(readFileSync(file, 'utf8'), shownAs);
  if (required && patches.length === 0) throw new Error(`${shownAs} changes no file`);
  return patches;
}
