import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRepoFile, repoUrl } from '../repo-files.mjs';

const root = mkdtempSync(join(tmpdir(), 'repo-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path, text) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write(
  'chapters/01-a/README.md',
  '# Chapter 01 — A\n\nSee [the next one](../02-b/README.md).\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
);
write('chapters/01-a/handlers/fn.ts', 'export const handler = 1;\n');
write('chapters/01-a/node_modules/x/index.js', 'secret');
write('.env', 'SECRET=1');
write('chapters/01-a/key.pem', 'secret');

describe('readRepoFile', () => {
  it('renders a README as a page whose relative links stay relative', () => {
    const file = readRepoFile(root, repoUrl('chapters/01-a/README.md'));

    expect(file.status).toBe(200);
    expect(file.type).toBe('text/html; charset=utf-8');
    expect(file.body).toContain('<title>Chapter 01 — A · API Gateway CORS Workshop</title>');
    expect(file.body).toContain('<a href="../02-b/README.md">the next one</a>');
    expect(file.body).toContain('<table>');
  });

  it('shows a source file as it is', () => {
    const file = readRepoFile(root, '/repo/chapters/01-a/handlers/fn.ts');

    expect([file.status, file.type, String(file.body)]).toEqual([
      200,
      'text/plain; charset=utf-8',
      'export const handler = 1;\n',
    ]);
  });

  it('serves nothing outside the repository, hidden, installed or of an unknown type', () => {
    for (const path of [
      '/repo/../../etc/passwd',
      '/repo/chapters/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/repo/.env',
      '/repo/chapters/01-a/node_modules/x/index.js',
      '/repo/chapters/01-a/key.pem',
      '/repo/chapters/01-a/missing.md',
      '/repo/%E0%A4%A',
    ]) {
      expect(readRepoFile(root, path).status, path).toBe(404);
    }
  });
});
