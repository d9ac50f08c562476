/**
 * Puts a state of an exercise's files into the learner's chapter without losing their work: a file whose
 * content is none of the states the workshop knows (the reference, an exercise's problem or solution) holds
 * the learner's edits; it is copied to a backup first, and overwritten only once the learner agrees (or, with
 * no one to ask, with the backup kept).
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Exercise } from './exercise.js';
import { type FileState, problemState, type ReferenceFiles, solutionState } from './exercise-states.js';
import { EXERCISES_STATE_DIR } from './progress.js';

/** Decides whether files holding the learner's edits may be overwritten. */
export type ConfirmOverwrite = (editedFiles: readonly string[], backupDir: string) => Promise<boolean>;

/** Options of {@link writeChapterState}. */
export interface WriteStateOptions {
  /** The repository's root; backups go to `.exercises/backups/` under it. */
  readonly root: string;
  /** The chapter's folder, where the files are written. */
  readonly chapterDir: string;
  /** The files to write, by path relative to the chapter (`undefined` removes the file). */
  readonly target: FileState;
  /** The contents of each path that are not the learner's work, e.g. from {@link knownContents}. */
  readonly known: ReadonlyMap<string, ReadonlySet<string | undefined>>;
  /** Names the backup folder, e.g. `01.02-start`. */
  readonly label: string;
  /** Asked when some files hold the learner's edits; they are backed up before it is asked. */
  readonly confirm: ConfirmOverwrite;
}

/** What {@link writeChapterState} did. */
export interface WriteStateResult {
  /** The files written or removed, relative to the chapter. */
  readonly written: readonly string[];
  /** The files that held the learner's edits, relative to the chapter. */
  readonly edited: readonly string[];
  /** Where those edits were copied, relative to the root, when there were any. */
  readonly backupDir?: string;
  /** The learner declined: nothing was written. */
  readonly cancelled: boolean;
}

/**
 * Writes a state of the files into the chapter, keeping a backup of every file that holds the learner's
 * edits.
 * @param options - the chapter, the state to write, the known contents and how to ask
 */
export async function writeChapterState(options: WriteStateOptions): Promise<WriteStateResult> {
  const { chapterDir, target } = options;
  const current = new Map<string, string | undefined>();
  for (const path of target.keys()) {
    const file = join(chapterDir, path);
    current.set(path, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  }
  const changing = [...target.keys()].filter((path) => current.get(path) !== target.get(path));
  const edited = changing.filter((path) => !options.known.get(path)?.has(current.get(path)));
  let backupDir: string | undefined;
  if (edited.length > 0) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const backupAbsolute = join(options.root, EXERCISES_STATE_DIR, 'backups', `${stamp}-${options.label}`);
    for (const path of edited) {
      const content = current.get(path);
      if (content === undefined) continue;
      const copy = join(backupAbsolute, relative(options.root, chapterDir), path);
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, content);
    }
    backupDir = relative(options.root, backupAbsolute);
    if (!(await options.confirm(edited, backupDir))) {
      return { written: [], edited, backupDir, cancelled: true };
    }
  }
  for (const path of changing) {
    const file = join(chapterDir, path);
    const content = target.get(path);
    if (content === undefined) {
      rmSync(file, { force: true });
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return { written: changing, edited, ...(backupDir === undefined ? {} : { backupDir }), cancelled: false };
}

/**
 * Every content the workshop itself puts into each file the chapter's exercises change: the reference, and
 * each exercise's problem and solution. Any other content is the learner's.
 * @param exercises - the chapter's exercises
 * @param reference - the chapter's reference files
 */
export function knownContents(
  exercises: readonly Exercise[],
  reference: ReferenceFiles,
): Map<string, Set<string | undefined>> {
  const known = new Map<string, Set<string | undefined>>();
  const add = (state: FileState) => {
    for (const [path, content] of state) {
      if (!known.has(path)) known.set(path, new Set([reference(path)]));
      known.get(path)!.add(content);
    }
  };
  for (const exercise of exercises) {
    // An exercise whose patches no longer fit the chapter only loses its say about which content is known.
    for (const state of [problemState, solutionState]) {
      try {
        add(state(exercise, reference));
      } catch {}
    }
  }
  return known;
}
