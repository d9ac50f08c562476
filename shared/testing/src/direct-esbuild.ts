/**
 * In a pnpm workspace, `NodejsFunction` bundles each function with `pnpm exec esbuild …`, and starting pnpm
 * takes longer than the bundling itself (half a second against a few milliseconds). While a synth runs, a
 * small `pnpm` stand-in first on `PATH` runs the same esbuild directly, and hands any other command to pnpm.
 * The bundles are the same: the same esbuild binary, with the same arguments.
 *
 * @module
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';

/** The stand-in: `pnpm exec esbuild …` runs esbuild; anything else runs the pnpm after it on PATH. */
const PNPM_STAND_IN = `#!/bin/sh
# Written by @cors-workshop/testing: NodejsFunction bundles with "pnpm exec esbuild", and starting pnpm
# costs more than the bundling. Run the esbuild pnpm would run, and leave every other command to pnpm.
PATH="\${PATH#*:}"
if [ "$1" = exec ] && [ "$2" = esbuild ] && command -v esbuild >/dev/null 2>&1; then
  shift 2
  exec esbuild "$@"
fi
exec pnpm "$@"
`;

/**
 * The folder holding the stand-in, written on first use; `undefined` on Windows, where bundling keeps going
 * through pnpm.
 */
function standInFolder(): string | undefined {
  if (process.platform === 'win32') return undefined;
  const folder = join(tmpdir(), `cors-workshop-direct-esbuild-${userInfo().uid}`);
  const file = join(folder, 'pnpm');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== PNPM_STAND_IN) {
    mkdirSync(folder, { recursive: true });
    const written = `${file}.${process.pid}`;
    writeFileSync(written, PNPM_STAND_IN);
    chmodSync(written, 0o755);
    // Renamed into place, so that a synth running in another process never sees half a file.
    renameSync(written, file);
  }
  return folder;
}

/**
 * The `PATH` that makes `pnpm exec esbuild` run esbuild directly: the stand-in's folder first.
 *
 * @param path - the `PATH` to start from
 * @default path process.env.PATH
 * @returns the new `PATH` (the same one on Windows)
 */
export function directEsbuildPath(path: string = process.env.PATH ?? ''): string {
  const folder = standInFolder();
  return folder === undefined ? path : `${folder}${delimiter}${path}`;
}

/**
 * Runs `synth` (synchronous: a CDK synth) with {@link directEsbuildPath} as `PATH`, restored afterwards.
 *
 * @param synth - the synth to run
 * @returns what `synth` returns
 */
export function withDirectEsbuild<T>(synth: () => T): T {
  const previous = process.env.PATH;
  process.env.PATH = directEsbuildPath(previous);
  try {
    return synth();
  } finally {
    process.env.PATH = previous;
  }
}
