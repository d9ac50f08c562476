import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { InvocationOutcome } from './execution-environment.js';
import { FunctionPool } from './function-pool.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';
import { overPayloadLimit, REQUEST_TOO_LARGE_ERROR } from './payload-limits.js';
import { TaskRoots } from './task-roots.js';

/**
 * Runs the functions of the served stacks locally, each in its own pool of worker threads, so that a
 * handler that throws, hangs or kills its thread costs one request and never the gateway.
 */
export class LambdaRuntime {
  readonly #pools = new Map<string, FunctionPool>();
  readonly #logger: GatewayLogger;
  readonly #maxConcurrency: number;
  readonly #taskRoots = new TaskRoots();
  readonly #reclaimer: NodeJS.Timeout;

  /**
   * @param maxConcurrency - execution environments per function at most; like Lambda, a request that finds
   *   every environment busy gets a new one, up to this limit, then waits its turn
   * @param idleMs - how long an environment nobody uses is kept warm before it is closed, as Lambda
   *   reclaims idle environments (AWS does not say after how long)
   * @default maxConcurrency `CORS_GATEWAY_LAMBDA_CONCURRENCY`, else 8
   * @default idleMs `CORS_GATEWAY_LAMBDA_IDLE_MS`, else 10 minutes
   */
  constructor(
    logger: GatewayLogger,
    maxConcurrency = Number(process.env.CORS_GATEWAY_LAMBDA_CONCURRENCY ?? 8),
    idleMs = Number(process.env.CORS_GATEWAY_LAMBDA_IDLE_MS ?? 600_000),
  ) {
    this.#logger = logger;
    this.#maxConcurrency = maxConcurrency;
    this.#reclaimer = setInterval(
      () => {
        const before = Date.now() - idleMs;
        for (const pool of this.#pools.values()) pool.reclaimIdle(before);
      },
      Math.max(100, Math.min(idleMs / 2, 60_000)),
    );
    this.#reclaimer.unref();
  }

  /**
   * Invokes `definition` with `event`; resolves with the outcome, never rejects. An event whose JSON is
   * over Lambda's 6 MB payload quota is refused (`payload-too-large`) without running the function.
   */
  invoke(
    definition: LambdaFunctionDefinition,
    requestId: string,
    event: unknown,
  ): Promise<InvocationOutcome> {
    // Lambda hands the function JSON: serializing here is both faithful (no Dates, no undefined) and
    // cheaper than cloning the object across threads.
    const eventJson = JSON.stringify(event) ?? 'null';
    if (overPayloadLimit(eventJson)) {
      this.#logger.error(
        `${requestId} ${definition.logicalId}: ${REQUEST_TOO_LARGE_ERROR.errorType}: ${REQUEST_TOO_LARGE_ERROR.errorMessage}`,
      );
      return Promise.resolve({ kind: 'payload-too-large', error: REQUEST_TOO_LARGE_ERROR });
    }
    let pool = this.#pools.get(definition.arn);
    if (!pool) {
      pool = new FunctionPool(definition, this.#logger, this.#maxConcurrency, this.#taskRoots);
      this.#pools.set(definition.arn, pool);
    }
    return pool.invoke(requestId, eventJson);
  }

  /** Stops every environment of every function and removes the copies of their code. */
  async close(): Promise<void> {
    clearInterval(this.#reclaimer);
    await Promise.all([...this.#pools.values()].map((pool) => pool.close()));
    this.#pools.clear();
    this.#taskRoots.remove();
  }
}
