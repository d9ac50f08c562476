/**
 * The patches an exercise is written in: unified diffs (as `git diff` prints them) whose paths are relative to
 * the chapter folder, applied with jsdiff.
 *
 * @module
 */
import { applyPatch, parsePatch, type StructuredPatch } from 'diff';

/** The change a patch makes to one file of a chapter. */
export interface FilePatch {
  /** The file, relative to the chapter folder, with `/` separators, e.g. `handlers/rest-proxy.ts`. */
  readonly path: string;
  /** The patch creates the file (its old side is `/dev/null`). */
  readonly creates: boolean;
  /** The patch deletes the file (its new side is `/dev/null`). */
  readonly deletes: boolean;
  /** The hunks, as jsdiff parsed them. */
  readonly hunks: StructuredPatch;
}

const NO_FILE = '/dev/null';

/**
 * Parses a unified diff of one or more files.
 *
 * @param text - the diff; `a/` and `b/` prefixes are removed from the file names
 * @param source - where the diff comes from, for the error messages
 * @returns one {@link FilePatch} per file, in the diff's order
 * @throws Error naming `source` when the diff is malformed, renames a file, leaves the chapter (`..`, an
 *   absolute path) or names a file twice
 * @example
 * ```ts
 * parsePatchFile(readFileSync('solution.patch', 'utf8'), 'exercises/01-header/solution.patch');
 * // [{ path: 'handlers/rest-proxy.ts', creates: false, deletes: false, hunks: … }]
 * ```
 */
export function parsePatchFile(text: string, source: string): FilePatch[] {
  let parsed: StructuredPatch[];
  try {
    parsed = parsePatch(text);
  } catch (error) {
    throw new Error(`${source}: not a unified diff: ${(error as Error).message}`);
  }
  const patches = parsed.filter((patch) => patch.hunks.length > 0 || patch.oldFileName !== undefined);
  const seen = new Set<string>();
  return patches.map((hunks) => {
    const oldName = stripPrefix(hunks.oldFileName, 'a/');
    const newName = stripPrefix(hunks.newFileName, 'b/');
    if (oldName === undefined || newName === undefined) {
      throw new Error(`${source}: a file of the diff has no "---" or "+++" line`);
    }
    if (oldName !== NO_FILE && newName !== NO_FILE && oldName !== newName) {
      throw new Error(`${source}: renames ${JSON.stringify(oldName)} to ${JSON.stringify(newName)}`);
    }
    const path = newName === NO_FILE ? oldName : newName;
    if (path === NO_FILE || path.startsWith('/') || path.split('/').includes('..')) {
      throw new Error(`${source}: the path ${JSON.stringify(path)} is not inside the chapter`);
    }
    if (seen.has(path)) throw new Error(`${source}: changes ${JSON.stringify(path)} twice`);
    seen.add(path);
    return { path, creates: oldName === NO_FILE, deletes: newName === NO_FILE, hunks };
  });
}

/**
 * Applies one file's patch.
 *
 * @param patch - the file's patch
 * @param before - the file's content, `undefined` when it does not exist
 * @param source - where the patch comes from, for the error message
 * @returns the new content, `undefined` when the patch deletes the file
 * @throws Error naming the file and `source` when the patch does not fit `before`: the chapter has changed
 *   since the exercise was written
 */
export function applyFilePatch(
  patch: FilePatch,
  before: string | undefined,
  source: string,
): string | undefined {
  if (patch.creates && before !== undefined) {
    throw new Error(`${source} creates ${patch.path}, which exists already`);
  }
  if (!patch.creates && before === undefined) {
    throw new Error(`${source} changes ${patch.path}, which does not exist`);
  }
  const after = applyPatch(before ?? '', patch.hunks);
  if (after === false) {
    throw new Error(
      `${source} does not apply to ${patch.path}: the file has changed since the exercise was written`,
    );
  }
  return patch.deletes ? undefined : after;
}

function stripPrefix(name: string | undefined, prefix: string): string | undefined {
  if (name === undefined) return undefined;
  const bare = name.split('\t')[0]!.trim();
  return bare.startsWith(prefix) ? bare.slice(prefix.length) : bare;
}
