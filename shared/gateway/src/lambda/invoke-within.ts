/**
 * Invoking a function behind an integration whose timeout may be shorter than the function's own.
 * @module
 */
import type { InvocationOutcome } from './execution-environment.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';
import type { LambdaRuntime } from './lambda-runtime.js';

/**
 * Invokes `lambda`, giving up with `'integration-timeout'` when the integration's timeout is shorter than
 * the function's own and runs out first (the invocation itself goes on, as on AWS).
 * @param runtime - runs the function
 * @param lambda - the function
 * @param requestId - the request's ID, the invocation's too
 * @param event - the event
 * @param integrationTimeoutMs - the integration's `TimeoutInMillis`
 */
export async function invokeWithin(
  runtime: LambdaRuntime,
  lambda: LambdaFunctionDefinition,
  requestId: string,
  event: unknown,
  integrationTimeoutMs: number,
): Promise<InvocationOutcome | 'integration-timeout'> {
  const invocation = runtime.invoke(lambda, requestId, event);
  if (integrationTimeoutMs >= lambda.timeoutSeconds * 1000) return invocation;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'integration-timeout'>((resolve) => {
    timer = setTimeout(() => resolve('integration-timeout'), integrationTimeoutMs);
  });
  try {
    return await Promise.race([invocation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
