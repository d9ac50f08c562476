import { describe, expect, it } from 'vitest';
import { applyFilePatch, parsePatchFile } from '../src/patch-file.js';

const CHANGE = `diff --git a/handlers/x.ts b/handlers/x.ts
index 1111111..2222222 100644
--- a/handlers/x.ts
+++ b/handlers/x.ts
@@ -1,3 +1,3 @@
 one
-two
+TWO
 three
`;

const CREATE = `--- /dev/null
+++ b/handlers/new.ts
@@ -0,0 +1,1 @@
+hello
`;

describe('parsePatchFile', () => {
  it('reads the files of a git diff, relative to the chapter', () => {
    const patches = parsePatchFile(CHANGE + CREATE, 'test.patch');

    expect(patches.map(({ path, creates, deletes }) => ({ path, creates, deletes }))).toEqual([
      { path: 'handlers/x.ts', creates: false, deletes: false },
      { path: 'handlers/new.ts', creates: true, deletes: false },
    ]);
  });

  it('refuses a path that leaves the chapter', () => {
    expect(() => parsePatchFile(CHANGE.replaceAll('handlers/x.ts', '../x.ts'), 'test.patch')).toThrow(
      'test.patch: the path "../x.ts" is not inside the chapter',
    );
  });

  it('refuses a rename', () => {
    expect(() =>
      parsePatchFile(CHANGE.replace('+++ b/handlers/x.ts', '+++ b/handlers/y.ts'), 'test.patch'),
    ).toThrow('renames "handlers/x.ts" to "handlers/y.ts"');
  });

  it('refuses a file changed twice', () => {
    expect(() => parsePatchFile(CHANGE + CHANGE, 'test.patch')).toThrow('changes "handlers/x.ts" twice');
  });
});

describe('applyFilePatch', () => {
  const [change, create] = parsePatchFile(CHANGE + CREATE, 'test.patch') as [
    ReturnType<typeof parsePatchFile>[0],
    ReturnType<typeof parsePatchFile>[0],
  ];

  it('applies a change', () => {
    expect(applyFilePatch(change, 'one\ntwo\nthree\n', 'test.patch')).toBe('one\nTWO\nthree\n');
  });

  it('creates a file', () => {
    expect(applyFilePatch(create, undefined, 'test.patch')).toBe('hello\n');
  });

  it('says the chapter changed when the patch does not fit', () => {
    expect(() => applyFilePatch(change, 'one\nsomething else\nthree\n', 'test.patch')).toThrow(
      'test.patch does not apply to handlers/x.ts: the file has changed since the exercise was written',
    );
  });

  it('refuses to create a file that exists, or to change one that does not', () => {
    expect(() => applyFilePatch(create, 'x\n', 'test.patch')).toThrow(
      'creates handlers/new.ts, which exists already',
    );
    expect(() => applyFilePatch(change, undefined, 'test.patch')).toThrow(
      'changes handlers/x.ts, which does not exist',
    );
  });
});
