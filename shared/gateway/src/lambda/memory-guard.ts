import { getHeapStatistics } from 'node:v8';

/** A buffer at least this large is checked against the limit as soon as it is allocated. */
const CHECKED_ALLOCATION_BYTES = 64 * 1024;
/** How often memory is sampled while an invocation runs. */
const SAMPLE_INTERVAL_MS = 20;

/** Samples a Lambda environment's memory while invocations run. */
export interface MemoryGuard {
  /** Starts sampling (an invocation began). */
  start(): void;
  /** Stops sampling (the invocation ended). */
  stop(): void;
  /** Checks once now. */
  check(): void;
}

/**
 * Enforces a function's `MemorySize` inside its environment on what the function holds: the JS heap
 * *and* the memory outside it (Buffers, typed arrays, other external memory), which a worker thread's
 * heap limit does not bound. Memory is sampled every 20 ms while an invocation runs, and every large
 * `Buffer` allocation is checked at once, so a synchronous loop filling buffers is caught too. Over the
 * limit, `onExceeded` runs (it ends the environment).
 * @param limitBytes - `MemorySize` in bytes
 */
export function installMemoryGuard(limitBytes: number, onExceeded: (usedBytes: number) => void): MemoryGuard {
  const check = () => {
    const stats = getHeapStatistics();
    const used = stats.used_heap_size + stats.external_memory;
    if (used > limitBytes) onExceeded(used);
  };
  wrapBufferAllocations(check);
  let timer: NodeJS.Timeout | undefined;
  let running = 0;
  return {
    start() {
      running++;
      if (!timer) {
        timer = setInterval(check, SAMPLE_INTERVAL_MS);
        timer.unref();
      }
    },
    stop() {
      running = Math.max(0, running - 1);
      if (running === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    check,
  };
}

function wrapBufferAllocations(check: () => void): void {
  const target = Buffer as unknown as Record<string, (...args: unknown[]) => Buffer>;
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow', 'from', 'concat']) {
    const original = target[name]!;
    target[name] = function checkedAllocation(this: unknown, ...args: unknown[]): Buffer {
      const buffer = original.apply(this, args);
      if (buffer.length >= CHECKED_ALLOCATION_BYTES) check();
      return buffer;
    };
  }
}
