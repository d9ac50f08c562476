/** Data a Lambda worker starts with. */
export interface WorkerInit {
  readonly codeDir: string;
  readonly handler: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly memoryMb: number;
}

/** Parent → worker: run the handler once. */
export interface InvokeMessage {
  readonly requestId: string;
  /** The event, as the JSON document Lambda would deliver. */
  readonly event: string;
  /** Epoch milliseconds at which the function times out. */
  readonly deadline: number;
}

/** The error document Lambda returns for a failed invocation. */
export interface LambdaErrorDocument {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/** Worker → parent. */
export type WorkerMessage =
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'result'; readonly requestId: string; readonly payload: string }
  | {
      readonly type: 'error';
      readonly requestId: string;
      readonly error: LambdaErrorDocument;
      /** The environment cannot be reused (its code failed to load). */
      readonly fatal: boolean;
    }
  /** An exception nothing caught, or a promise rejection nothing handled: the runtime exits next. */
  | { readonly type: 'uncaught'; readonly error: LambdaErrorDocument }
  /** The JS heap and buffers together went over `MemorySize`: the runtime exits next. */
  | { readonly type: 'memory-exceeded'; readonly usedBytes: number };

/**
 * The exit code of a worker that went over its `MemorySize` (128 + SIGKILL, as the kernel's OOM killer
 * leaves a process on Lambda).
 */
export const MEMORY_EXCEEDED_EXIT_CODE = 137;
