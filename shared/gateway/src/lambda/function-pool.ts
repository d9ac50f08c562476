import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GatewayLogger } from '../logging/gateway-logger.js';
import { ExecutionEnvironment, type InvocationOutcome } from './execution-environment.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';

/**
 * The execution environments of one function. Like Lambda, it reuses a warm environment when one is free
 * and starts another when all are busy, up to `maxConcurrency`; further requests wait their turn.
 */
export class FunctionPool {
  readonly #definition: LambdaFunctionDefinition;
  readonly #logger: GatewayLogger;
  readonly #maxConcurrency: number;
  readonly #idle: ExecutionEnvironment[] = [];
  readonly #all = new Set<ExecutionEnvironment>();
  readonly #waiting: Array<(environment: ExecutionEnvironment) => void> = [];
  #closed = false;
  #taskRoot: string | undefined;

  constructor(definition: LambdaFunctionDefinition, logger: GatewayLogger, maxConcurrency: number) {
    this.#definition = definition;
    this.#logger = logger;
    this.#maxConcurrency = maxConcurrency;
  }

  /** The function this pool runs. */
  get definition(): LambdaFunctionDefinition {
    return this.#definition;
  }

  /** Runs one invocation in a free environment. */
  async invoke(requestId: string, event: unknown): Promise<InvocationOutcome> {
    const environment = await this.#acquire();
    try {
      return await environment.invoke(requestId, event);
    } finally {
      this.#release(environment);
    }
  }

  /** Stops every environment. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#all].map((environment) => environment.close()));
    this.#all.clear();
    this.#idle.length = 0;
    if (this.#taskRoot) rmSync(this.#taskRoot, { recursive: true, force: true });
  }

  /**
   * The function's code, copied once into a folder of its own, as Lambda extracts it into `/var/task`: the
   * code then loads the way it loads on AWS, untouched by a `package.json` that happens to sit above the
   * assembly (a `"type": "module"` there would otherwise turn a CommonJS bundle into an ES module).
   */
  #prepareTaskRoot(): string {
    if (!this.#taskRoot) {
      this.#taskRoot = mkdtempSync(join(tmpdir(), `cors-gateway-${this.#definition.logicalId}-`));
      cpSync(this.#definition.codeDir, this.#taskRoot, { recursive: true });
    }
    return this.#taskRoot;
  }

  #acquire(): Promise<ExecutionEnvironment> {
    const warm = this.#idle.pop();
    if (warm) return Promise.resolve(warm);
    if (this.#all.size < this.#maxConcurrency) return Promise.resolve(this.#start());
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #start(): ExecutionEnvironment {
    const environment = new ExecutionEnvironment(this.#definition, this.#prepareTaskRoot(), this.#logger);
    this.#all.add(environment);
    return environment;
  }

  #release(environment: ExecutionEnvironment): void {
    if (!environment.alive) {
      this.#all.delete(environment);
      void environment.close();
      if (this.#closed) return;
      const next = this.#waiting.shift();
      if (next) next(this.#start());
      return;
    }
    const next = this.#waiting.shift();
    if (next) next(environment);
    else this.#idle.push(environment);
  }
}
