import type { InvocationOutcome } from '../../lambda/execution-environment.js';
import type { RestIntegration } from '../rest-api-model.js';
import type { RequestState } from '../stages/request-state.js';

/**
 * Invokes the integration's function, giving up with `'integration-timeout'` when the integration's
 * `TimeoutInMillis` is shorter than the function's own timeout and runs out first.
 */
export async function invokeLambda(
  state: RequestState,
  integration: RestIntegration,
  event: unknown,
): Promise<InvocationOutcome | 'integration-timeout'> {
  const lambda = integration.lambda!;
  const invocation = state.deps.runtime.invoke(lambda, state.requestId, event);
  if (integration.timeoutMs >= lambda.timeoutSeconds * 1000) return invocation;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'integration-timeout'>((resolve) => {
    timer = setTimeout(() => resolve('integration-timeout'), integration.timeoutMs);
  });
  try {
    return await Promise.race([invocation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
