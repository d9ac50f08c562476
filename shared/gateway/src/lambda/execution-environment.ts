import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';
import type { InvokeMessage, LambdaErrorDocument, WorkerInit, WorkerMessage } from './worker-protocol.js';

/** How one invocation ended. */
export type InvocationOutcome =
  /** The handler returned; `payload` is the JSON Lambda would return. */
  | { readonly kind: 'success'; readonly payload: string }
  /** The handler threw or rejected, or its code could not load (a "function error"). */
  | { readonly kind: 'function-error'; readonly error: LambdaErrorDocument }
  /** The handler ran past the function's timeout; the environment was destroyed. */
  | { readonly kind: 'timeout'; readonly error: LambdaErrorDocument }
  /** The environment died (process.exit, an uncaught exception, out of memory). */
  | { readonly kind: 'crash'; readonly error: LambdaErrorDocument };

const WORKER_URL = resolveWorkerUrl();

function resolveWorkerUrl(): URL {
  const beside = new URL('./lambda-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  // Running from the TypeScript sources (tests): use the compiled worker.
  return new URL('../../dist/lambda/lambda-worker.js', import.meta.url);
}

/**
 * One Lambda execution environment: a worker thread holding the function's loaded code, running one
 * invocation at a time. A timeout or a crash destroys it, as on AWS; the pool then starts a fresh one.
 */
export class ExecutionEnvironment {
  readonly #definition: LambdaFunctionDefinition;
  readonly #worker: Worker;
  readonly #logger: GatewayLogger;
  #pending:
    | { requestId: string; resolve: (outcome: InvocationOutcome) => void; timer: NodeJS.Timeout }
    | undefined;
  #alive = true;

  /**
   * @param taskRoot - the folder holding a copy of the function's code (Lambda's `/var/task`)
   */
  constructor(definition: LambdaFunctionDefinition, taskRoot: string, logger: GatewayLogger) {
    this.#definition = definition;
    this.#logger = logger;
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
    this.#worker.on('error', (error) => this.#die(`${error.name}: ${error.message}`));
    this.#worker.on('exit', (code) => this.#die(`Runtime exited with error: exit status ${code}`));
  }

  /** False once the environment timed out, crashed or was closed. */
  get alive(): boolean {
    return this.#alive;
  }

  /** Runs the handler with `event`; resolves (never rejects) with how it ended. */
  invoke(requestId: string, event: unknown): Promise<InvocationOutcome> {
    const timeoutMs = this.#definition.timeoutSeconds * 1000;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#timeOut(), timeoutMs);
      this.#pending = { requestId, resolve, timer };
      // Lambda hands the function JSON: serializing here is both faithful (no Dates, no undefined) and
      // cheaper than cloning the object across threads.
      const message: InvokeMessage = {
        requestId,
        event: JSON.stringify(event),
        deadline: Date.now() + timeoutMs,
      };
      this.#worker.postMessage(message);
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.#alive = false;
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

  #die(reason: string): void {
    if (!this.#alive && !this.#pending) return;
    this.#alive = false;
    if (this.#pending) {
      this.#logger.error(`${this.#pending.requestId} ${reason} (${this.#definition.logicalId})`);
    }
    this.#settle({ kind: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: reason } });
  }
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
