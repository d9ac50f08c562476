import { describe, expect, it } from 'vitest';
import { functionWith, testRuntime } from './fixtures.js';

const ENVIRONMENT_ID = `const environmentId = Math.random().toString(36).slice(2);
exports.handler = async () => environmentId;`;

describe('LambdaRuntime', () => {
  it('reuses a warm environment between invocations', async () => {
    const { runtime } = testRuntime();
    const fn = functionWith(ENVIRONMENT_ID);
    expect(await runtime.invoke(fn, 'a', {})).toEqual(await runtime.invoke(fn, 'b', {}));
  });

  it('closes an environment left idle past its idle time, so the next invocation starts a fresh one', async () => {
    const { runtime } = testRuntime(1, 200);
    const fn = functionWith(ENVIRONMENT_ID);
    const first = await runtime.invoke(fn, 'a', {});
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await runtime.invoke(fn, 'b', {})).not.toEqual(first);
  });
});
