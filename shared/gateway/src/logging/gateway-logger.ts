/**
 * Where the gateway writes its log lines. Every line is complete; the logger adds only the newline.
 */
export interface GatewayLogger {
  /** One line per served request, and lifecycle events. */
  info(line: string): void;
  /** Something the operator should fix, e.g. a handler that failed. */
  error(line: string): void;
  /** Pipeline details, written only with `verbose`. */
  debug(line: string): void;
  /** Whether {@link GatewayLogger.debug} lines are written; lets callers skip building them. */
  readonly verbose: boolean;
}

/**
 * How often, at most, the stderr logger writes under a steady stream of lines: one request log line per
 * request is on the hot path, and one write per turn of the event loop was a system call for every request
 * or two under load.
 */
const FLUSH_INTERVAL_MS = 5;

/**
 * A logger writing to standard error, so that standard output stays free for the CLI's ready line. Lines
 * written in the same turn of the event loop go out in one write, in the next turn; while lines keep
 * coming, at most one write goes out every 5 ms, so the lines of
 * many requests share a write. Whatever is pending is written before the process exits.
 * @param verbose - also write {@link GatewayLogger.debug} lines
 * @default verbose false
 */
export function createStderrLogger(verbose = false): GatewayLogger {
  let pending = '';
  let scheduled = false;
  let flushedAt = 0;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    flushedAt = performance.now();
    process.stderr.write(text);
  };
  process.once('exit', flush);
  const write = (line: string) => {
    pending += `${line}\n`;
    if (scheduled) return;
    scheduled = true;
    const wait = flushedAt + FLUSH_INTERVAL_MS - performance.now();
    if (wait <= 0) setImmediate(flush);
    else setTimeout(flush, wait).unref();
  };
  return {
    verbose,
    info: write,
    error: write,
    debug: verbose ? write : () => {},
  };
}

/** A logger that drops everything, for embedding and tests. */
export const silentLogger: GatewayLogger = {
  verbose: false,
  info: () => {},
  error: () => {},
  debug: () => {},
};
