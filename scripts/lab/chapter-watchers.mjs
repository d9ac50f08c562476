// What a chapter server watches: the files a synth of the chapter reads, and its lab.json.
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { isCdkApp } from './chapters.mjs';

/** What a synth reads. */
const SOURCE_FOLDERS = ['bin', 'lib', 'handlers'];
const SOURCE_FILES = ['cdk.json', 'package.json', 'tsconfig.json'];

/**
 * Watches a chapter: the sources of a CDK app (its `bin/`, `lib/` and `handlers/` folders and its
 * `cdk.json`, `package.json`, `tsconfig.json`), and the `lab.json` of any chapter. A path that does not
 * exist is not watched.
 * @param {{ dir: string }} chapter
 * @param {object} listeners
 * @param {(file: string) => void} listeners.onSource - a source changed: its path in the chapter, e.g. `lib/stack.ts`
 * @param {() => void} listeners.onLabSpec - lab.json changed
 * @param {(line: string) => void} listeners.log - a watcher failed
 * @param {import('node:fs').FSWatcher[]} watchers - where each watcher goes as soon as it watches, for the
 *   caller to close (even those started before a later one failed to start)
 */
export function watchChapter(chapter, { onSource, onLabSpec, log }, watchers) {
  const dir = chapter.dir;
  const add = (path, options, listener) => {
    if (!existsSync(path)) return;
    const watcher = watch(path, options, listener);
    watcher.on('error', (error) => log(`watching ${path} failed: ${error.message}`));
    watchers.push(watcher);
  };
  if (isCdkApp(chapter)) {
    for (const folder of SOURCE_FOLDERS) {
      add(join(dir, folder), { recursive: true }, (_event, file) => onSource(`${folder}/${file}`));
    }
  }
  add(dir, {}, (_event, file) => {
    if (SOURCE_FILES.includes(file) && isCdkApp(chapter)) onSource(file);
    if (file === 'lab.json') onLabSpec();
  });
}
