import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { localJwks, localSigningKey, signLocalToken } from '../../src/auth/local-issuer.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'issuer-test-'));

describe('the local issuer', () => {
  it('creates its key on first use, readable by its owner only, and signs tokens its JWKS verifies', async () => {
    const dir = freshDir();
    const key = localSigningKey(dir);
    const token = await signLocalToken(key, { iss: 'https://issuer.example', sub: 'u' });

    expect(statSync(key.file).mode & 0o777).toBe(0o600);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: key.kid });
    const { payload } = await compactVerify(token, createLocalJWKSet(localJwks(key)));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      iss: 'https://issuer.example',
      sub: 'u',
    });
  });

  it('gives another process the same key, so tokens minted by one are accepted by the other', () => {
    const dir = freshDir();
    const mine = localSigningKey(dir);
    const module = fileURLToPath(new URL('../../dist/auth/local-issuer.js', import.meta.url));
    const theirs = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { localSigningKey } from ${JSON.stringify(module)}; console.log(localSigningKey(${JSON.stringify(dir)}).kid);`,
      ],
      { encoding: 'utf8' },
    );

    expect(theirs.stdout.trim()).toBe(mine.kid);
  });

  it('agrees on one key when several processes create it at once', () => {
    const dir = freshDir();
    const module = fileURLToPath(new URL('../../dist/auth/local-issuer.js', import.meta.url));
    const script = `import { localSigningKey } from ${JSON.stringify(module)}; console.log(localSigningKey(${JSON.stringify(dir)}).kid);`;
    const children = [1, 2, 3].map(() =>
      spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    );

    expect(new Set(children.map((child) => child.stdout.trim())).size).toBe(1);
    expect(readFileSync(join(dir, 'local-issuer-key.json'), 'utf8')).toContain('PRIVATE KEY');
  });

  it('refuses a key file without a key, naming it', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'local-issuer-key.json'), '{}');

    expect(() => localSigningKey(dir)).toThrow(`${join(dir, 'local-issuer-key.json')} holds no "privateKey"`);
  });
});
