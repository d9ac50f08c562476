// The chapters of the workshop, as the lab and `pnpm start` find them: every `chapters/NN-slug` folder, in
// order, whatever their number.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lab page's port. Chapter NN serves its first API on LAB_PORT + NN × 100, the next ones after it. */
export const LAB_PORT = 3000;

/**
 * The chapters of the repository, in order: the `chapters/NN-slug` folders.
 * @param {string} root - the repository root
 * @returns {{ folder: string, number: number, dir: string }[]}
 */
export function findChapters(root) {
  const folder = join(root, 'chapters');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ folder: name, number: Number(name.slice(0, 2)), dir: join(folder, name) }));
}

/** The port of a chapter's first API: 3000 + NN × 100. */
export function chapterPort(chapter) {
  return LAB_PORT + chapter.number * 100;
}

/** Whether the chapter is a CDK app the synth service can synthesize (its `cdk.json` and `bin/app.ts`). */
export function isCdkApp(chapter) {
  return existsSync(join(chapter.dir, 'cdk.json')) && existsSync(join(chapter.dir, 'bin', 'app.ts'));
}

/** The chapter's title: its lab.json's, else its README's first heading without "Chapter NN —". */
export function chapterTitle(chapter, spec) {
  if (spec?.title) return spec.title;
  try {
    const heading = /^#\s+(.+)$/m.exec(readFileSync(join(chapter.dir, 'README.md'), 'utf8'));
    return heading?.[1]?.replace(/^Chapter \d+\s+—\s+/, '') ?? chapter.folder;
  } catch {
    return chapter.folder;
  }
}
