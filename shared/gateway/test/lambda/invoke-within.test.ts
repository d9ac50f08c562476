import { describe, expect, it, vi } from 'vitest';
import { invokeWithin } from '../../src/lambda/invoke-within.js';
import type { LambdaFunctionDefinition } from '../../src/lambda/lambda-function.js';
import type { LambdaRuntime } from '../../src/lambda/lambda-runtime.js';

const lambda = { logicalId: 'Fn', timeoutSeconds: 3 } as LambdaFunctionDefinition;
/** A runtime whose invocation answers after `ms` milliseconds, or never. */
const runtimeAnsweringAfter = (ms?: number) =>
  ({
    invoke: () =>
      new Promise((resolve) => {
        if (ms !== undefined) setTimeout(() => resolve({ kind: 'success', payload: '{}' }), ms);
      }),
  }) as unknown as LambdaRuntime;

describe('invokeWithin', () => {
  it("gives up at the integration's timeout when it is shorter than the function's", async () => {
    expect(await invokeWithin(runtimeAnsweringAfter(), lambda, 'r', {}, 10)).toBe('integration-timeout');
  });

  it('waits for the function when it answers within the integration timeout', async () => {
    expect(await invokeWithin(runtimeAnsweringAfter(1), lambda, 'r', {}, 1000)).toEqual({
      kind: 'success',
      payload: '{}',
    });
  });

  it("sets no timer of its own when the integration's timeout is not shorter than the function's", async () => {
    vi.useFakeTimers();
    try {
      let settled = false;
      void invokeWithin(runtimeAnsweringAfter(), lambda, 'r', {}, 3000).then(() => {
        settled = true;
      });
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(5000);
      expect(settled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
