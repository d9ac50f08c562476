import type { GatewayLogger } from '../logging/gateway-logger.js';
import { ExecutionEnvironment, type InvocationOutcome } from './execution-environment.js';
import type { LambdaFunctionDefinition } from './lambda-function.js';
import type { TaskRoots } from './task-roots.js';

/**
 * The execution environments of one function. Like Lambda, it reuses a warm environment when one is free
 * and starts another when all are busy, up to `maxConcurrency`; further requests wait their turn. An
 * environment that dies while idle (a crash in the background after its response) leaves the pool at once,
 * so no request is handed a dead one.
 */
export class FunctionPool {
  readonly #definition: LambdaFunctionDefinition;
  readonly #logger: GatewayLogger;
  readonly #maxConcurrency: number;
  readonly #taskRoots: TaskRoots;
  readonly #idle: ExecutionEnvironment[] = [];
  /** When each idle environment last finished an invocation (epoch milliseconds). */
  readonly #idleSince = new Map<ExecutionEnvironment, number>();
  readonly #all = new Set<ExecutionEnvironment>();
  readonly #waiting: Array<(environment: ExecutionEnvironment) => void> = [];
  #closed = false;
  #taskRoot: string | undefined;

  /** @param taskRoots - where the copy of the function's code goes */
  constructor(
    definition: LambdaFunctionDefinition,
    logger: GatewayLogger,
    maxConcurrency: number,
    taskRoots: TaskRoots,
  ) {
    this.#definition = definition;
    this.#logger = logger;
    this.#maxConcurrency = maxConcurrency;
    this.#taskRoots = taskRoots;
  }

  /** The function this pool runs. */
  get definition(): LambdaFunctionDefinition {
    return this.#definition;
  }

  /**
   * Runs one invocation in a free environment.
   * @param eventJson - the event as the JSON document Lambda delivers
   */
  async invoke(requestId: string, eventJson: string): Promise<InvocationOutcome> {
    const environment = await this.#acquire();
    try {
      return await environment.invoke(requestId, eventJson);
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
    this.#idleSince.clear();
  }

  /**
   * The function's code, copied once into a folder of its own, as Lambda extracts it into `/var/task`: the
   * code then loads the way it loads on AWS, untouched by a `package.json` that happens to sit above the
   * assembly (a `"type": "module"` there would otherwise turn a CommonJS bundle into an ES module).
   */
  #prepareTaskRoot(): string {
    this.#taskRoot ??= this.#taskRoots.copy(this.#definition.logicalId, this.#definition.codeDir);
    return this.#taskRoot;
  }

  /**
   * Closes the environments idle since before `before` (epoch milliseconds), as Lambda reclaims the
   * environments of a function nobody calls.
   * @returns how many were closed
   */
  reclaimIdle(before: number): number {
    let closed = 0;
    for (const [environment, since] of this.#idleSince) {
      if (since >= before) continue;
      this.#forget(environment);
      void environment.close();
      closed++;
    }
    return closed;
  }

  #acquire(): Promise<ExecutionEnvironment> {
    let warm = this.#idle.pop();
    while (warm && !warm.alive) warm = this.#idle.pop();
    if (warm) {
      this.#idleSince.delete(warm);
      return Promise.resolve(warm);
    }
    if (this.#all.size < this.#maxConcurrency) return Promise.resolve(this.#start());
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #start(): ExecutionEnvironment {
    const environment = new ExecutionEnvironment(
      this.#definition,
      this.#prepareTaskRoot(),
      this.#logger,
      (dead) => this.#forget(dead),
    );
    this.#all.add(environment);
    return environment;
  }

  /** Drops an environment that died, wherever it is. */
  #forget(environment: ExecutionEnvironment): void {
    this.#all.delete(environment);
    this.#idleSince.delete(environment);
    const index = this.#idle.indexOf(environment);
    if (index !== -1) this.#idle.splice(index, 1);
  }

  #release(environment: ExecutionEnvironment): void {
    if (!environment.alive) {
      this.#forget(environment);
      void environment.close();
      if (this.#closed) return;
      const next = this.#waiting.shift();
      if (next) next(this.#start());
      return;
    }
    const next = this.#waiting.shift();
    if (next) {
      next(environment);
    } else {
      this.#idle.push(environment);
      this.#idleSince.set(environment, Date.now());
    }
  }
}
