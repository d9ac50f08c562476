import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directEsbuildPath, withDirectEsbuild } from '../src/direct-esbuild.js';

const dir = mkdtempSync(join(tmpdir(), 'direct-esbuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fake esbuild and pnpm executables that say who ran and with which arguments. */
function fakeTools(): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of ['esbuild', 'pnpm']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*"\n`, { mode: 0o755 });
  }
  return bin;
}

const run = (command: string, path: string) =>
  execFileSync('sh', ['-c', command], { env: { PATH: path }, encoding: 'utf8' }).trim();

describe.skipIf(process.platform === 'win32')('directEsbuildPath', () => {
  const path = directEsbuildPath(`${fakeTools()}${delimiter}/usr/bin${delimiter}/bin`);

  it('runs esbuild itself for pnpm exec esbuild, with the same arguments', () => {
    expect(run('pnpm exec esbuild --bundle entry.ts --outfile=out.js', path)).toBe(
      'esbuild --bundle entry.ts --outfile=out.js',
    );
  });

  it('hands every other command to the pnpm after it on PATH', () => {
    expect(run('pnpm install --frozen-lockfile', path)).toBe('pnpm install --frozen-lockfile');
    expect(run('pnpm exec tsc -p .', path)).toBe('pnpm exec tsc -p .');
  });
});

describe('withDirectEsbuild', () => {
  it('sets PATH only while the synth runs', () => {
    const before = process.env.PATH;
    const during = withDirectEsbuild(() => process.env.PATH);

    expect(process.env.PATH).toBe(before);
    expect(during?.endsWith(`${delimiter}${before}`)).toBe(process.platform !== 'win32');
  });
});
