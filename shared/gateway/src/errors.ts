/**
 * A template or assembly the gateway refuses to serve, as AWS would refuse to deploy it, or as the gateway
 * cannot read it. The CLI prints the message and exits with code 2.
 */
export class GatewayConfigError extends Error {
  /** `GatewayConfigError`, so that a stack trace or a log line names the kind of error. */
  override readonly name = 'GatewayConfigError';

  /**
   * @param message - what is wrong, quoting the bad value
   * @param where - the file, and the logical ID of the resource when there is one
   */
  constructor(
    message: string,
    readonly where: {
      /** The template or assembly file the error is about. */
      readonly file: string;
      /** The logical ID of the resource at fault, when the error is about one resource. */
      readonly resource?: string;
    },
  ) {
    super(`${where.file}${where.resource ? ` (${where.resource})` : ''}: ${message}`);
  }
}
