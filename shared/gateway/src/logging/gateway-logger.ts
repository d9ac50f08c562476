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
 * A logger writing to standard error, so that standard output stays free for the CLI's ready line.
 * @param verbose - also write {@link GatewayLogger.debug} lines
 * @default verbose false
 */
export function createStderrLogger(verbose = false): GatewayLogger {
  const write = (line: string) => process.stderr.write(`${line}\n`);
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
