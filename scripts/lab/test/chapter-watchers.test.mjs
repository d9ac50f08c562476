import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { watchChapter } from '../chapter-watchers.mjs';

const WORK = fileURLToPath(new URL('./.work', import.meta.url));
const folders = [];
const watchers = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh chapter folder with `files` (path → content), a CDK app when it has cdk.json and bin/app.ts. */
function chapter(files) {
  const dir = join(WORK, `watch-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir };
}

/** Watches `watched` and records what it reports, with a promise of the first report that satisfies `test`. */
function watchAndRecord(watched) {
  const reports = [];
  let notify = () => {};
  const record = (report) => {
    reports.push(report);
    notify();
  };
  watchChapter(
    watched,
    { onSource: (file) => record(`source ${file}`), onLabSpec: () => record('lab.json'), log: record },
    watchers,
  );
  const until = (test) =>
    new Promise((resolve) => {
      notify = () => {
        if (reports.some(test)) resolve(reports);
      };
      notify();
    });
  return { reports, until };
}

const CDK_APP = {
  'cdk.json': '{}',
  'bin/app.ts': '',
  'lib/stack.ts': '',
  'handlers/index.ts': '',
  'lab.json': '{}',
};

describe('watchChapter', () => {
  it("watches a CDK app's source folders, naming the file in its folder", async () => {
    const app = chapter(CDK_APP);
    const { until } = watchAndRecord(app);
    expect(watchers).toHaveLength(4);

    writeFileSync(join(app.dir, 'lib/stack.ts'), '// edited');
    const reports = await until((report) => report === 'source lib/stack.ts');
    expect(reports).toContain('source lib/stack.ts');
  });

  it("reports an edit of a CDK app's cdk.json, package.json or tsconfig.json as a source edit", async () => {
    const app = chapter(CDK_APP);
    const { until } = watchAndRecord(app);

    writeFileSync(join(app.dir, 'cdk.json'), '{ "app": "x" }');
    await until((report) => report === 'source cdk.json');
    writeFileSync(join(app.dir, 'package.json'), '{}');
    const reports = await until((report) => report === 'source package.json');
    expect(reports).not.toContain('lab.json');
  });

  it('reports an edit of lab.json apart from the sources', async () => {
    const app = chapter(CDK_APP);
    const { until } = watchAndRecord(app);

    writeFileSync(join(app.dir, 'lab.json'), '{ "calls": [] }');
    const reports = await until((report) => report === 'lab.json');
    expect(reports.filter((report) => report.startsWith('source'))).toEqual([]);
  });

  it('skips a source folder the CDK app does not have', () => {
    const { 'handlers/index.ts': _handler, ...withoutHandlers } = CDK_APP;
    watchAndRecord(chapter(withoutHandlers));
    expect(watchers).toHaveLength(3);
  });

  it('watches only the lab.json of a chapter that is not a CDK app, and no folder that is missing', async () => {
    const notAnApp = chapter({ 'lib/notes.md': '', 'lab.json': '{}', 'package.json': '{}' });
    const { reports, until } = watchAndRecord(notAnApp);
    expect(watchers).toHaveLength(1);

    writeFileSync(join(notAnApp.dir, 'package.json'), '{ "name": "x" }');
    writeFileSync(join(notAnApp.dir, 'lib/notes.md'), 'edited');
    writeFileSync(join(notAnApp.dir, 'lab.json'), '{ "calls": [] }');
    await until((report) => report === 'lab.json');
    expect(reports.filter((report) => report.startsWith('source'))).toEqual([]);
  });
});
