import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** The folders of a CDK app whose files go into its synth: the app, its constructs, its functions. */
const SOURCE_FOLDERS = ['bin', 'lib', 'handlers'];
/** The files next to them that change what a synth writes. */
const SOURCE_FILES = ['cdk.json', 'package.json', 'tsconfig.json'];

/** A cloud assembly written before the last change to its app's sources. */
export interface StaleAssembly {
  /** The app's folder: the parent of the assembly, holding `cdk.json`. */
  readonly appDir: string;
  /** The most recently changed source, relative to `appDir`, e.g. `handlers/rest-proxy.ts`. */
  readonly newestSource: string;
  /** How long after the assembly was written that source changed, in milliseconds. */
  readonly newerByMs: number;
}

/**
 * Whether a cloud assembly is older than the sources of the CDK app it was synthesized from, so that serving
 * it would show the app as it was. The app is the folder holding the assembly and a `cdk.json`; its sources
 * are `bin/`, `lib/` and `handlers/` (recursively) and its `cdk.json`, `package.json` and `tsconfig.json`.
 * The assembly's time is that of its `manifest.json`, which a synth writes last.
 *
 * @param source - what the gateway serves: an assembly folder, or a template file (never stale)
 * @returns the newest source and by how much, or `undefined` when the assembly is current or has no app
 */
export function findStaleAssembly(source: string): StaleAssembly | undefined {
  const manifest = join(source, 'manifest.json');
  const appDir = dirname(source);
  if (!existsSync(manifest) || !existsSync(join(appDir, 'cdk.json'))) return undefined;
  const synthesizedAt = statSync(manifest).mtimeMs;
  let newest: { path: string; mtimeMs: number } | undefined;
  const consider = (path: string, mtimeMs: number) => {
    if (newest === undefined || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  };
  for (const file of SOURCE_FILES) {
    const path = join(appDir, file);
    if (existsSync(path)) consider(path, statSync(path).mtimeMs);
  }
  for (const folder of SOURCE_FOLDERS) walk(join(appDir, folder), consider);
  if (newest === undefined || newest.mtimeMs <= synthesizedAt) return undefined;
  return {
    appDir,
    newestSource: relative(appDir, newest.path),
    newerByMs: newest.mtimeMs - synthesizedAt,
  };
}

/**
 * The warning to print before serving a stale assembly (see {@link findStaleAssembly}), in one sentence.
 *
 * @param source - the assembly folder being served
 * @returns e.g. `chapters/01-rest-proxy/cdk.out is older than handlers/rest-proxy.ts (changed 2 min after the
 *   synth): it serves the app as it was then; run "pnpm run synth" in 01-rest-proxy to serve the change`, or
 *   `undefined` when the assembly is current
 */
export function staleAssemblyWarning(source: string): string | undefined {
  const stale = findStaleAssembly(source);
  if (stale === undefined) return undefined;
  return (
    `${source} is older than ${stale.newestSource} (changed ${duration(stale.newerByMs)} after the synth): ` +
    `it serves the app as it was then; run "pnpm run synth" in ${basename(stale.appDir)} to serve the change`
  );
}

function walk(folder: string, consider: (path: string, mtimeMs: number) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, consider);
    else if (entry.isFile()) consider(path, statSync(path).mtimeMs);
  }
}

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} days`;
}
