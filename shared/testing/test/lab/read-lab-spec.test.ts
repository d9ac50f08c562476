import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readLabSpec } from '../../src/lab/read-lab-spec.js';

const dir = mkdtempSync(join(tmpdir(), 'lab-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CALL = {
  id: 'simple-get',
  title: 'A simple GET is allowed',
  why: 'Because.',
  api: 'ExampleApi1234',
  origin: 'http://localhost:3000',
  expect: { verdict: 'allowed' },
};

describe('readLabSpec', () => {
  it('reads a lab.json from a path or a file URL', () => {
    const file = join(dir, 'lab.json');
    writeFileSync(file, JSON.stringify({ title: 'Example', calls: [CALL] }));

    expect(readLabSpec(file).calls.map((call) => call.id)).toEqual(['simple-get']);
    expect(readLabSpec(pathToFileURL(file)).title).toBe('Example');
  });

  it('names the file when it is not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "title": ');

    expect(() => readLabSpec(file)).toThrow(`${file}: cannot read the lab description:`);
  });

  it('names the file when it is missing', () => {
    const file = join(dir, 'missing.json');

    expect(() => readLabSpec(file)).toThrow(`${file}: cannot read the lab description: ENOENT`);
  });

  it('names the file when its shape is wrong', () => {
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify({ title: 'Example', calls: [{ ...CALL, method: 'get' }] }));

    expect(() => readLabSpec(file)).toThrow(
      `${file}: call "simple-get": method must be upper case, got "get"`,
    );
  });
});
