import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { InvocationOutcome } from './execution-environment.js';
import { FunctionPool } from './function-pool.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';

/**
 * Runs the functions of the served stacks locally, each in its own pool of worker threads, so that a
 * handler that throws, hangs or kills its thread costs one request and never the gateway.
 */
export class LambdaRuntime {
  readonly #pools = new Map<string, FunctionPool>();
  readonly #logger: GatewayLogger;
  readonly #maxConcurrency: number;

  /**
   * @param maxConcurrency - execution environments per function at most; like Lambda, a request that finds
   *   every environment busy gets a new one, up to this limit, then waits its turn
   * @default maxConcurrency `CORS_GATEWAY_LAMBDA_CONCURRENCY`, else 8
   */
  constructor(
    logger: GatewayLogger,
    maxConcurrency = Number(process.env.CORS_GATEWAY_LAMBDA_CONCURRENCY ?? 8),
  ) {
    this.#logger = logger;
    this.#maxConcurrency = maxConcurrency;
  }

  /** Invokes `definition` with `event`; resolves with the outcome, never rejects. */
  invoke(
    definition: LambdaFunctionDefinition,
    requestId: string,
    event: unknown,
  ): Promise<InvocationOutcome> {
    let pool = this.#pools.get(definition.arn);
    if (!pool) {
      pool = new FunctionPool(definition, this.#logger, this.#maxConcurrency);
      this.#pools.set(definition.arn, pool);
    }
    return pool.invoke(requestId, event);
  }

  /** Stops every environment of every function. */
  async close(): Promise<void> {
    await Promise.all([...this.#pools.values()].map((pool) => pool.close()));
    this.#pools.clear();
  }
}
