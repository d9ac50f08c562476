/**
 * The entry point of a Lambda execution environment: a worker thread that loads the function's real code
 * once, then runs one invocation at a time, like the Node.js managed runtime.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { installMemoryGuard } from './memory-guard.js';
import { overPayloadLimit, RESPONSE_TOO_LARGE_ERROR } from './payload-limits.js';
import {
  type InvokeMessage,
  type LambdaErrorDocument,
  MEMORY_EXCEEDED_EXIT_CODE,
  type WorkerInit,
  type WorkerMessage,
} from './worker-protocol.js';

type Handler = (
  event: unknown,
  context: unknown,
  callback: (error?: unknown, result?: unknown) => void,
) => unknown;

const init = workerData as WorkerInit;
const port = parentPort!;
let currentRequestId: string | undefined;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

function installConsole(): void {
  const levels = {
    log: 'INFO',
    info: 'INFO',
    warn: 'WARN',
    error: 'ERROR',
    debug: 'DEBUG',
    trace: 'TRACE',
  } as const;
  for (const [method, level] of Object.entries(levels)) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      post({
        type: 'log',
        line: `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${format(...args)}`,
      });
    };
  }
  const forward = (chunk: unknown) => {
    post({ type: 'log', line: String(chunk).replace(/\n$/, '') });
    return true;
  };
  process.stdout.write = forward as typeof process.stdout.write;
  process.stderr.write = forward as typeof process.stderr.write;
}

function errorDocument(error: unknown): LambdaErrorDocument {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: (error.stack ?? '').split('\n'),
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

class InitError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

async function loadHandler(): Promise<Handler> {
  const dot = init.handler.lastIndexOf('.');
  const modulePath = init.handler.slice(0, dot);
  const exportName = init.handler.slice(dot + 1);
  const base = join(init.codeDir, modulePath);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
  if (!file) {
    throw new InitError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${modulePath}'\nRequire stack:\n- ${init.codeDir}`,
    );
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new InitError('Runtime.ImportModuleError', `${(error as Error).name}: ${(error as Error).message}`);
  }
  const candidate =
    loaded[exportName] ?? (loaded.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof candidate !== 'function') {
    throw new InitError(
      'Runtime.HandlerNotFound',
      `${modulePath}.${exportName} is undefined or not exported`,
    );
  }
  return candidate as Handler;
}

function runHandler(handler: Handler, event: unknown, context: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback = (error?: unknown, result?: unknown) => (error ? reject(error) : resolve(result));
    const returned = handler(event, context, callback);
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      (returned as Promise<unknown>).then(resolve, reject);
    } else if (handler.length < 3) {
      resolve(returned);
    }
  });
}

/**
 * What the Node.js runtime of Lambda does with an exception nothing caught or a rejection nothing handled:
 * it logs it, reports it, and exits (129 and 128), so the next invocation gets a fresh environment.
 * @see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/blob/main/src/index.ts
 */
function installUncaughtHandlers(): void {
  const fail = (label: string, error: LambdaErrorDocument, exitCode: number) => {
    post({
      type: 'log',
      line: `${new Date().toISOString()}\t${currentRequestId}\tERROR\t${label}\t${JSON.stringify(error)}`,
    });
    post({ type: 'uncaught', error });
    process.exit(exitCode);
  };
  process.on('uncaughtException', (error) => fail('Uncaught Exception', errorDocument(error), 129));
  process.on('unhandledRejection', (reason) => {
    const error = {
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: String(reason),
      trace: (reason instanceof Error ? (reason.stack ?? '') : String(reason)).split('\n'),
    };
    fail('Unhandled Promise Rejection', error, 128);
  });
}

installConsole();
installUncaughtHandlers();
const memory = installMemoryGuard(init.memoryMb * 1024 * 1024, (usedBytes) => {
  post({ type: 'memory-exceeded', usedBytes });
  process.exit(MEMORY_EXCEEDED_EXIT_CODE);
});
let handlerPromise: Promise<Handler> | undefined;

port.on('message', async (message: InvokeMessage) => {
  const { requestId, deadline } = message;
  const event: unknown = JSON.parse(message.event);
  currentRequestId = requestId;
  handlerPromise ??= loadHandler();
  let handler: Handler;
  try {
    handler = await handlerPromise;
  } catch (error) {
    post({ type: 'error', requestId, error: errorDocument(error), fatal: true });
    return;
  }
  const context = {
    awsRequestId: requestId,
    functionName: init.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: init.functionArn,
    memoryLimitInMB: String(init.memoryMb),
    logGroupName: `/aws/lambda/${init.functionName}`,
    logStreamName: `local/[$LATEST]${init.functionName}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  memory.start();
  try {
    const result = await runHandler(handler, event, context);
    const payload = JSON.stringify(result) ?? 'null';
    memory.check();
    if (overPayloadLimit(payload)) {
      post({ type: 'error', requestId, error: RESPONSE_TOO_LARGE_ERROR, fatal: false });
    } else {
      post({ type: 'result', requestId, payload });
    }
  } catch (error) {
    // A thrown or rejected error is a function error: the environment stays warm, as on Lambda.
    post({ type: 'error', requestId, error: errorDocument(error), fatal: false });
  } finally {
    memory.stop();
  }
});
