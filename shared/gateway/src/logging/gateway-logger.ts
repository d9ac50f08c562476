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
 * A logger writing to standard error, so that standard output stays free for the CLI's ready line. Lines
 * written in the same turn of the event loop go out in one write (one line per request is on the hot path);
 * whatever is pending is written before the process exits.
 * @param verbose - also write {@link GatewayLogger.debug} lines
 * @default verbose false
 */
export function createStderrLogger(verbose = false): GatewayLogger {
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    process.stderr.write(text);
  };
  process.once('exit', flush);
  const write = (line: string) => {
    if (pending === '') setImmediate(flush);
    pending += `${line}\n`;
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
