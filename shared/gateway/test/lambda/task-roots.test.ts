import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepLeftoverTaskRoots, TaskRoots } from '../../src/lambda/task-roots.js';

/** The ID of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('TaskRoots', () => {
  it('copies function code into one folder named after the process, and removes it all', () => {
    const base = mkdtempSync(join(tmpdir(), 'task-roots-'));
    const code = mkdtempSync(join(tmpdir(), 'task-code-'));
    writeFileSync(join(code, 'index.js'), 'exports.handler = async () => 1;');
    const roots = new TaskRoots(base);
    const first = roots.copy('FnA', code);
    const second = roots.copy('FnB', code);
    expect(readdirSync(base)).toEqual([expect.stringMatching(new RegExp(`^${process.pid}-`))]);
    expect(first.startsWith(roots.folder) && second.startsWith(roots.folder)).toBe(true);
    expect(existsSync(join(first, 'index.js'))).toBe(true);
    roots.remove();
    expect(readdirSync(base)).toEqual([]);
  });
});

describe('sweepLeftoverTaskRoots', () => {
  it('removes the folders of processes that ended and keeps those of running ones', () => {
    const base = mkdtempSync(join(tmpdir(), 'task-roots-'));
    const leftover = join(base, `${deadPid()}-0a1b2c3d`);
    const running = join(base, `${process.pid}-4e5f6a7b`);
    const unrelated = join(base, 'not-a-task-root');
    for (const folder of [leftover, running, unrelated]) mkdirSync(join(folder, 'Fn-x'), { recursive: true });
    expect(sweepLeftoverTaskRoots(base)).toEqual([leftover]);
    expect(readdirSync(base).sort()).toEqual(
      [running, unrelated].map((f) => f.slice(base.length + 1)).sort(),
    );
  });

  it('does nothing when no gateway ever ran', () => {
    expect(sweepLeftoverTaskRoots(join(tmpdir(), 'no-such-task-roots-folder'))).toEqual([]);
  });
});
