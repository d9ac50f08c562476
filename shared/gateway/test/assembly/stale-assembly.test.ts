import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findStaleAssembly, staleAssemblyWarning } from '../../src/assembly/stale-assembly.js';

const root = mkdtempSync(join(tmpdir(), 'stale-assembly-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SYNTH = new Date('2026-01-01T10:00:00Z');
const at = (minutes: number) => new Date(SYNTH.getTime() + minutes * 60_000);

/** A CDK app folder with a synthesized assembly; every file dated `minutes` after the synth. */
function app(name: string, files: Record<string, number>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'cdk.out'), { recursive: true });
  const write = (path: string, when: Date) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '');
    utimesSync(join(dir, path), when, when);
  };
  write('cdk.json', at(-10));
  for (const [path, minutes] of Object.entries(files)) write(path, at(minutes));
  write('cdk.out/manifest.json', SYNTH);
  return join(dir, 'cdk.out');
}

describe('findStaleAssembly', () => {
  it('finds nothing when every source is older than the synth', () => {
    expect(findStaleAssembly(app('fresh', { 'bin/app.ts': -5, 'handlers/fn.ts': -1 }))).toBeUndefined();
  });

  it('names the newest source changed after the synth, however deep', () => {
    const source = app('edited', { 'lib/stack.ts': 1, 'handlers/deep/fn.ts': 3, 'test/x.test.ts': 9 });

    expect(findStaleAssembly(source)).toEqual({
      appDir: join(root, 'edited'),
      newestSource: join('handlers', 'deep', 'fn.ts'),
      newerByMs: 3 * 60_000,
    });
  });

  it('counts cdk.json, package.json and tsconfig.json, and ignores tests, node_modules and other files', () => {
    expect(findStaleAssembly(app('settings', { 'package.json': 2 }))?.newestSource).toBe('package.json');
    expect(
      findStaleAssembly(app('others', { 'README.md': 5, 'test/a.test.ts': 5, 'lib/node_modules/x.js': 5 })),
    ).toBeUndefined();
  });

  it('says nothing of a template file, or of an assembly without a cdk.json next to it', () => {
    const lone = join(root, 'lone', 'cdk.out');
    mkdirSync(lone, { recursive: true });
    writeFileSync(join(lone, 'manifest.json'), '{}');

    expect(findStaleAssembly(lone)).toBeUndefined();
    expect(findStaleAssembly(join(lone, 'manifest.json'))).toBeUndefined();
  });
});

describe('staleAssemblyWarning', () => {
  it('says which source is newer, by how much, and how to synthesize again', () => {
    const source = app('01-warned', { 'handlers/fn.ts': 2 });

    expect(staleAssemblyWarning(source)).toBe(
      `${source} is older than ${join('handlers', 'fn.ts')} (changed 2 min after the synth): it serves the app ` +
        'as it was then; run "pnpm run synth" in 01-warned to serve the change',
    );
  });
});
