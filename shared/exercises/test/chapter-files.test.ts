import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChapterState } from '../src/chapter-files.js';

let root: string;
let chapterDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cors-exercise-files-'));
  chapterDir = join(root, 'chapters', '01-x');
  mkdirSync(join(chapterDir, 'lib'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const known = new Map([['lib/stack.ts', new Set<string | undefined>(['reference\n', 'problem\n'])]]);
const write = (content: string, confirm: () => Promise<boolean>) =>
  writeChapterState({
    root,
    chapterDir,
    target: new Map([['lib/stack.ts', content]]),
    known,
    label: '01.01-problem',
    confirm,
  });

describe('writeChapterState', () => {
  it('overwrites a file in a known state without asking or backing it up', async () => {
    writeFileSync(join(chapterDir, 'lib/stack.ts'), 'reference\n');
    let asked = false;

    const result = await write('problem\n', async () => {
      asked = true;
      return true;
    });

    expect(asked).toBe(false);
    expect(result).toEqual({ written: ['lib/stack.ts'], edited: [], cancelled: false });
    expect(readFileSync(join(chapterDir, 'lib/stack.ts'), 'utf8')).toBe('problem\n');
  });

  it("backs up the learner's edits, then overwrites them once agreed", async () => {
    writeFileSync(join(chapterDir, 'lib/stack.ts'), 'my work\n');

    const result = await write('problem\n', async () => true);

    expect(result.edited).toEqual(['lib/stack.ts']);
    expect(readFileSync(join(root, result.backupDir!, 'chapters/01-x/lib/stack.ts'), 'utf8')).toBe(
      'my work\n',
    );
    expect(readFileSync(join(chapterDir, 'lib/stack.ts'), 'utf8')).toBe('problem\n');
  });

  it('writes nothing when the learner declines', async () => {
    writeFileSync(join(chapterDir, 'lib/stack.ts'), 'my work\n');

    const result = await write('problem\n', async () => false);

    expect(result.cancelled).toBe(true);
    expect(readFileSync(join(chapterDir, 'lib/stack.ts'), 'utf8')).toBe('my work\n');
  });

  it('removes a file whose target state is absent', async () => {
    writeFileSync(join(chapterDir, 'lib/new.ts'), 'problem\n');

    await writeChapterState({
      root,
      chapterDir,
      target: new Map([['lib/new.ts', undefined]]),
      known: new Map([['lib/new.ts', new Set<string | undefined>([undefined, 'problem\n'])]]),
      label: 'x',
      confirm: async () => true,
    });

    expect(existsSync(join(chapterDir, 'lib/new.ts'))).toBe(false);
  });
});
