import { describe, expect, it } from 'vitest';
import { functionWith, testRuntime } from './fixtures.js';

/** Each environment has an ID of its own, so a test can tell a warm environment from a fresh one. */
const ENVIRONMENT_ID = `const environmentId = Math.random().toString(36).slice(2);`;

const { runtime, log } = testRuntime();

describe('a thrown error', () => {
  it('is a function error and leaves the environment warm, as the Node.js runtime of Lambda does', async () => {
    const fn = functionWith(`${ENVIRONMENT_ID}
      let calls = 0;
      exports.handler = async (event) => {
        calls++;
        if (event.fail) throw new TypeError('bad input');
        return { environmentId, calls };
      };`);
    const first = await runtime.invoke(fn, 'r1', {});
    const failed = await runtime.invoke(fn, 'r2', { fail: true });
    const after = await runtime.invoke(fn, 'r3', {});
    expect(failed).toMatchObject({
      kind: 'function-error',
      error: { errorType: 'TypeError', errorMessage: 'bad input' },
    });
    const [a, b] = [first, after].map((o) => JSON.parse((o as { payload: string }).payload));
    expect(b.environmentId).toBe(a.environmentId);
    expect(b.calls).toBe(3);
  });
});

describe('a crash in the background after the response', () => {
  for (const [what, code] of [
    ['an uncaught exception', `setTimeout(() => { throw new Error('late'); }, 10);`],
    ['an unhandled rejection', `setTimeout(() => Promise.reject(new Error('late')), 10);`],
    ['process.exit', `setTimeout(() => process.exit(4), 10);`],
  ] as const) {
    it(`(${what}) hands the next request a fresh environment, not a dead one`, async () => {
      const fn = functionWith(`${ENVIRONMENT_ID}
        let calls = 0;
        exports.handler = async () => {
          calls++;
          if (calls === 1) { ${code} }
          return environmentId;
        };`);
      const first = await runtime.invoke(fn, 'first', {});
      expect(first.kind).toBe('success');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const next = await runtime.invoke(fn, 'next', {});
      expect(next.kind).toBe('success');
      expect((next as { payload: string }).payload).not.toBe((first as { payload: string }).payload);
    });
  }

  it('fails the invocation it happens in with the error, and replaces the environment', async () => {
    const fn = functionWith(`${ENVIRONMENT_ID}
      exports.handler = async (event) => {
        if (event.reject) { Promise.reject(new Error('nobody handles me')); await new Promise((r) => setTimeout(r, 500)); }
        return environmentId;
      };`);
    const before = await runtime.invoke(fn, 'before', {});
    const failed = await runtime.invoke(fn, 'rejecting', { reject: true });
    expect(failed).toMatchObject({
      kind: 'crash',
      error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody handles me' },
    });
    const after = await runtime.invoke(fn, 'after', {});
    expect((after as { payload: string }).payload).not.toBe((before as { payload: string }).payload);
    expect(log.join('\n')).toContain('Unhandled Promise Rejection');
  });
});

describe('MemorySize', () => {
  const hogs = {
    'the JS heap': `for (;;) kept.push(new Array(1e5).fill(Math.random()));`,
    'Buffers, allocated asynchronously': `for (;;) { kept.push(Buffer.alloc(4 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); }`,
    'Buffers, allocated in a synchronous loop': `for (;;) kept.push(Buffer.alloc(4 * 1024 * 1024, 1));`,
    'typed arrays': `for (;;) { kept.push(new Uint8Array(4 * 1024 * 1024).fill(1)); await new Promise((r) => setTimeout(r, 1)); }`,
  };
  for (const [what, hog] of Object.entries(hogs)) {
    it(`kills a function that fills ${what} past its MemorySize, as Lambda does, and starts a fresh one`, async () => {
      const fn = functionWith(
        `const kept = []; exports.handler = async (event) => { if (event.hog) { ${hog} } return 'ok'; };`,
        { memoryMb: 128, timeoutSeconds: 10 },
      );
      const outcome = await runtime.invoke(fn, 'hog', { hog: true });
      expect(outcome).toMatchObject({
        kind: 'crash',
        error: {
          errorType: 'Runtime.ExitError',
          errorMessage: 'RequestId: hog Error: Runtime exited with error: signal: killed',
        },
      });
      expect(log.join('\n')).toMatch(
        new RegExp(`${fn.logicalId} used \\d+ MB, over its MemorySize of 128 MB`),
      );
      expect(await runtime.invoke(fn, 'next', {})).toEqual({ kind: 'success', payload: '"ok"' });
    });
  }

  it('leaves a function within its MemorySize alone', async () => {
    const fn = functionWith(
      `exports.handler = async () => { const b = Buffer.alloc(40 * 1024 * 1024, 1); return b.length; };`,
      { memoryMb: 128 },
    );
    expect(await runtime.invoke(fn, 'fits', {})).toEqual({
      kind: 'success',
      payload: String(40 * 1024 * 1024),
    });
  });
});

describe('Lambda payload quotas (6 MB)', () => {
  it('refuses an event over 6,291,556 bytes without running the function', async () => {
    const fn = functionWith(`exports.handler = async () => { throw new Error('must not run'); };`);
    const outcome = await runtime.invoke(fn, 'big-event', { body: 'a'.repeat(6_291_556) });
    expect(outcome).toEqual({
      kind: 'payload-too-large',
      error: {
        errorType: 'RequestEntityTooLargeException',
        errorMessage: 'Request must be smaller than 6291556 bytes for the Invoke operation',
      },
    });
  });

  it('turns a result over 6,291,556 bytes into a function error and keeps the environment', async () => {
    const fn = functionWith(`${ENVIRONMENT_ID}
      exports.handler = async (event) => event.big ? 'a'.repeat(6_291_556) : environmentId;`);
    const before = await runtime.invoke(fn, 'before', {});
    expect(await runtime.invoke(fn, 'big-result', { big: true })).toEqual({
      kind: 'function-error',
      error: {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      },
    });
    expect(await runtime.invoke(fn, 'after', {})).toEqual(before);
  });
});
