// A copy of the fixture workshop (test/fixtures/workshop: a `chapters/` folder of two tiny chapters) that a
// test may edit, inside this package so that its apps find aws-cdk-lib, esbuild and tsx here.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSynthService } from '../../synth-client.mjs';

const FIXTURE = fileURLToPath(new URL('../fixtures/workshop', import.meta.url));
const WORK = fileURLToPath(new URL('../.work', import.meta.url));

/**
 * Copies the fixture workshop to a fresh folder (without any cdk.out) and synthesizes the chapters listed,
 * with `service` when given (a synth service started for the copy's root, e.g. by the test), else with one
 * of its own.
 * @returns {{ root: string, dir(folder): string, edit(path, from, to): void, synthErrors: Map<string, string>,
 *   remove(): void }}
 */
export async function fixtureWorkshop({ synthesize = ['01-fixture', '02-refused'], service } = {}) {
  mkdirSync(WORK, { recursive: true });
  const root = join(WORK, `workshop-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(FIXTURE, root, { recursive: true, filter: (source) => !source.includes('cdk.out') });
  const dir = (folder) => join(root, 'chapters', folder);
  const synthErrors = new Map();
  if (synthesize.length > 0) {
    const synthesizer = service ?? startSynthService({ cwd: WORK });
    try {
      for (const folder of synthesize) {
        await synthesizer.synth(dir(folder)).catch((error) => synthErrors.set(folder, error.message));
      }
    } finally {
      if (service === undefined) await synthesizer.close();
    }
  }
  return {
    root,
    dir,
    synthErrors,
    /** Replaces `from` by `to` in a file of the copy, as an editor saving it would. */
    edit(path, from, to) {
      const file = join(root, path);
      const text = readFileSync(file, 'utf8');
      if (!text.includes(from)) throw new Error(`${path} has no ${JSON.stringify(from)}`);
      writeFileSync(file, text.replace(from, to));
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
