import { describe, expect, it } from 'vitest';
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

  it("leaves the function's own timeout in charge when the integration's is not shorter", async () => {
    const invocation = invokeWithin(runtimeAnsweringAfter(30), lambda, 'r', {}, 3000);
    expect(await invocation).toMatchObject({ kind: 'success' });
  });
});
