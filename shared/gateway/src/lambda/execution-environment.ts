import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';
import {
  type InvokeMessage,
  type LambdaErrorDocument,
  MEMORY_EXCEEDED_EXIT_CODE,
  type WorkerInit,
  type WorkerMessage,
} from './worker-protocol.js';

/** How one invocation ended. */
export type InvocationOutcome =
  /** The handler returned; `payload` is the JSON Lambda would return. */
  | { readonly kind: 'success'; readonly payload: string }
  /** The handler threw or rejected, or its code could not load (a "function error"). */
  | { readonly kind: 'function-error'; readonly error: LambdaErrorDocument }
  /** The handler ran past the function's timeout; the environment was destroyed. */
  | { readonly kind: 'timeout'; readonly error: LambdaErrorDocument }
  /** The environment died (process.exit, an uncaught exception, out of memory). */
  | { readonly kind: 'crash'; readonly error: LambdaErrorDocument }
  /** The event was over Lambda's 6 MB payload quota: Lambda refused the invocation, nothing ran. */
  | { readonly kind: 'payload-too-large'; readonly error: LambdaErrorDocument };

const WORKER_URL = resolveWorkerUrl();

function resolveWorkerUrl(): URL {
  const beside = new URL('./lambda-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  // Running from the TypeScript sources (tests): use the compiled worker.
  return new URL('../../dist/lambda/lambda-worker.js', import.meta.url);
}

/**
 * One Lambda execution environment: a worker thread holding the function's loaded code, running one
 * invocation at a time. A timeout, a crash or going over `MemorySize` destroys it, as on AWS; the pool then
 * starts a fresh one. A thrown error does not: the environment stays warm.
 */
export class ExecutionEnvironment {
  readonly #definition: LambdaFunctionDefinition;
  readonly #worker: Worker;
  readonly #logger: GatewayLogger;
  readonly #onDeath: (environment: ExecutionEnvironment) => void;
  #pending:
    | { requestId: string; resolve: (outcome: InvocationOutcome) => void; timer: NodeJS.Timeout }
    | undefined;
  #alive = true;
  #closing = false;
  #memoryExceeded: number | undefined;
  /** The worker said why it is about to exit. */
  #exitAnnounced = false;

  /**
   * @param taskRoot - the folder holding a copy of the function's code (Lambda's `/var/task`)
   * @param onDeath - called once when the environment can no longer run invocations
   */
  constructor(
    definition: LambdaFunctionDefinition,
    taskRoot: string,
    logger: GatewayLogger,
    onDeath: (environment: ExecutionEnvironment) => void = () => {},
  ) {
    this.#definition = definition;
    this.#logger = logger;
    this.#onDeath = onDeath;
    const init: WorkerInit = {
      codeDir: taskRoot,
      handler: definition.handler,
      functionName: definition.functionName,
      functionArn: definition.arn,
      memoryMb: definition.memoryMb,
    };
    this.#worker = new Worker(WORKER_URL, {
      workerData: init,
      env: lambdaEnvironmentVariables(definition, taskRoot),
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(definition.memoryMb, 64) },
    });
    this.#worker.on('message', (message: WorkerMessage) => this.#onMessage(message));
    this.#worker.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.#memoryExceeded ??= definition.memoryMb * 1048576;
      this.#die(`${error.name}: ${error.message}`);
    });
    this.#worker.on('exit', (code) => this.#die(exitReason(code)));
  }

  /** False once the environment timed out, crashed or was closed. */
  get alive(): boolean {
    return this.#alive;
  }

  /**
   * Runs the handler with the event; resolves (never rejects) with how it ended.
   * @param eventJson - the event as the JSON document Lambda delivers
   */
  invoke(requestId: string, eventJson: string): Promise<InvocationOutcome> {
    if (!this.#alive) {
      return Promise.resolve({ kind: 'crash', error: exitError(requestId, 'Runtime exited') });
    }
    const timeoutMs = this.#definition.timeoutSeconds * 1000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#timeOut(), timeoutMs);
      this.#pending = { requestId, resolve, timer };
      const message: InvokeMessage = { requestId, event: eventJson, deadline: Date.now() + timeoutMs };
      this.#worker.postMessage(message);
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#markDead();
    await this.#worker.terminate();
  }

  #settle(outcome: InvocationOutcome): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  #onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'log':
        this.#logger.info(message.line);
        return;
      case 'result':
        this.#settle({ kind: 'success', payload: message.payload });
        return;
      case 'error':
        if (message.fatal) void this.close();
        this.#settle({ kind: 'function-error', error: message.error });
        return;
      case 'uncaught':
        this.#exitAnnounced = true;
        this.#settle({ kind: 'crash', error: message.error });
        return;
      case 'memory-exceeded':
        this.#memoryExceeded = message.usedBytes;
        return;
    }
  }

  #timeOut(): void {
    const pending = this.#pending;
    const seconds = this.#definition.timeoutSeconds.toFixed(2);
    this.#logger.error(
      `${new Date().toISOString()} ${pending?.requestId} Task timed out after ${seconds} seconds (${this.#definition.logicalId})`,
    );
    void this.close();
    this.#settle({
      kind: 'timeout',
      error: { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${seconds} seconds` },
    });
  }

  #markDead(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#onDeath(this);
  }

  #die(reason: string): void {
    const wasAlive = this.#alive;
    this.#markDead();
    const { logicalId, memoryMb } = this.#definition;
    const outOfMemory = this.#memoryExceeded !== undefined;
    const why = outOfMemory ? 'Runtime exited with error: signal: killed' : reason;
    if (outOfMemory) {
      const usedMb = Math.ceil(this.#memoryExceeded! / 1048576);
      this.#logger.error(
        `${this.#pending?.requestId ?? '-'} ${logicalId} used ${usedMb} MB, over its MemorySize of ${memoryMb} MB: the environment was killed (Memory Size: ${memoryMb} MB Max Memory Used: ${usedMb} MB)`,
      );
      this.#memoryExceeded = undefined;
    }
    const pending = this.#pending;
    if (pending) {
      this.#logger.error(`${pending.requestId} ${why} (${logicalId})`);
      this.#settle({ kind: 'crash', error: exitError(pending.requestId, why) });
    } else if (wasAlive && !this.#closing && !this.#exitAnnounced) {
      this.#logger.error(
        `${logicalId}: an idle environment ended (${why}); the next request gets a fresh one`,
      );
    }
  }
}

/** What Lambda reports when the runtime process ends during an invocation. */
function exitError(requestId: string, reason: string): LambdaErrorDocument {
  return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${reason}` };
}

function exitReason(code: number): string {
  if (code === MEMORY_EXCEEDED_EXIT_CODE) return 'Runtime exited with error: signal: killed';
  if (code === 0) return 'Runtime exited without providing a reason';
  return `Runtime exited with error: exit status ${code}`;
}

/**
 * The environment variables a function sees: the template's `Environment.Variables` over the reserved
 * variables the Lambda runtime defines.
 * @param taskRoot - where the function's code is (`LAMBDA_TASK_ROOT`)
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
export function lambdaEnvironmentVariables(
  definition: LambdaFunctionDefinition,
  taskRoot: string,
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_REGION: definition.region,
    AWS_DEFAULT_REGION: definition.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${definition.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: definition.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${definition.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `local/[$LATEST]${definition.functionName}`,
    LAMBDA_TASK_ROOT: taskRoot,
    ...definition.environment,
  };
}
