import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressFile, readProgress, updateProgress } from '../src/progress.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cors-exercise-progress-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('progress', () => {
  it('is empty without a file', () => {
    expect(readProgress(root)).toEqual({ version: 1, exercises: {} });
  });

  it('keeps each field of each exercise across updates, and the current exercise', () => {
    updateProgress(root, '01.01', { started: '2026-01-01T00:00:00.000Z' }, true);
    updateProgress(root, '01.01', { hintsShown: 2 });
    updateProgress(root, '01.02', { solved: '2026-01-02T00:00:00.000Z' });

    expect(readProgress(root)).toEqual({
      version: 1,
      current: '01.01',
      exercises: {
        '01.01': { started: '2026-01-01T00:00:00.000Z', hintsShown: 2 },
        '01.02': { solved: '2026-01-02T00:00:00.000Z' },
      },
    });
  });

  it('says which file to delete when it is not a progress file', () => {
    mkdirSync(join(root, '.exercises'));
    writeFileSync(progressFile(root), '{"version":7}');

    expect(() => readProgress(root)).toThrow(`${progressFile(root)} is not a progress file of this workshop`);
  });
});
