/**
 * A private copy of a chapter to synthesize: the learner may go on typing while it is checked, and a test
 * never changes the real chapter. Each copy lives in a folder of its own, so that its modules are loaded
 * afresh by a long-lived synth process.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileState } from './exercise-states.js';

/**
 * Folders and files of a chapter that a synth never reads: installed packages, the chapter's tests and
 * exercises, and build output. `cdk.out*` is left out too.
 */
export const NOT_SNAPSHOTTED: readonly string[] = [
  'node_modules',
  'test',
  'exercises',
  '.turbo',
  'outputs.json',
];

/** Options of {@link snapshotChapter}. */
export interface SnapshotOptions {
  /** The repository's root: its lock file, base `tsconfig` and the chapter's installed packages are linked. */
  readonly root: string;
  /** The chapter's folder name, e.g. `01-rest-proxy`. */
  readonly chapter: string;
  /**
   * Where the chapter's files are copied from.
   * @default - `<root>/chapters/<chapter>`
   */
  readonly sourceDir?: string;
  /**
   * Files written over the copy, by path relative to the chapter (`undefined` deletes the file).
   * @default - none
   */
  readonly overlay?: FileState;
}

/** A chapter's copy. */
export interface ChapterSnapshot {
  /** The copy's root, laid out like the repository (`chapters/<chapter>/…`). */
  readonly root: string;
  /** The copy of the chapter. */
  readonly chapterDir: string;
  /** A hash of every copied path and content: two copies with the same hash synthesize alike. */
  readonly contentHash: string;
  /** Removes the copy. */
  dispose(): void;
}

/**
 * Copies a chapter into a new temporary folder laid out like the repository, with the repository's
 * `pnpm-lock.yaml` and `tsconfig.base.json` and the chapter's `node_modules` linked, so that the app, its
 * bundler (which looks for the lock file) and its imports behave as in the real chapter.
 *
 * @param options - the repository, the chapter, and files to write over the copy
 * @returns the copy; call `dispose()` when done
 * @example
 * ```ts
 * const snapshot = snapshotChapter({ root, chapter: '01-rest-proxy', overlay: problemState(exercise, reference) });
 * ```
 */
export function snapshotChapter(options: SnapshotOptions): ChapterSnapshot {
  const { root, chapter } = options;
  const sourceDir = options.sourceDir ?? join(root, 'chapters', chapter);
  const copyRoot = mkdtempSync(join(tmpdir(), 'cors-exercise-'));
  const chapterDir = join(copyRoot, 'chapters', chapter);
  try {
    const files = new Map<string, Buffer>();
    collectFiles(sourceDir, '', files);
    for (const [path, content] of options.overlay ?? []) {
      if (content === undefined) files.delete(path);
      else files.set(path, Buffer.from(content));
    }
    const hash = createHash('sha256');
    for (const path of [...files.keys()].sort()) {
      const content = files.get(path)!;
      const target = join(chapterDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      hash.update(`${path}\0${content.length}\0`).update(content);
    }
    mkdirSync(chapterDir, { recursive: true });
    symlinkSync(join(root, 'chapters', chapter, 'node_modules'), join(chapterDir, 'node_modules'), 'dir');
    // Copied, not linked: NodejsFunction takes the folder of the lock file's real path as its project root.
    copyFileSync(join(root, 'pnpm-lock.yaml'), join(copyRoot, 'pnpm-lock.yaml'));
    symlinkSync(join(root, 'tsconfig.base.json'), join(copyRoot, 'tsconfig.base.json'));
    return {
      root: copyRoot,
      chapterDir,
      contentHash: hash.digest('hex'),
      dispose: () => rmSync(copyRoot, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(copyRoot, { recursive: true, force: true });
    throw error;
  }
}

function collectFiles(dir: string, prefix: string, files: Map<string, Buffer>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (NOT_SNAPSHOTTED.includes(name) || name.startsWith('cdk.out')) continue;
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (entry.isDirectory()) collectFiles(join(dir, name), path, files);
    else if (entry.isFile()) files.set(path, readFileSync(join(dir, name)));
  }
}

/** Whether a path relative to a chapter is one a snapshot copies (and a change to it matters). */
export function isSnapshotted(path: string): boolean {
  return !path
    .split(/[\\/]/)
    .some((part) => NOT_SNAPSHOTTED.includes(part) || part.startsWith('cdk.out') || part === '.git');
}
