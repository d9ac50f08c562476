/**
 * Thrown when a value cannot be resolved locally; the message says which intrinsic and why, and `node` is
 * the template's own object that could not be resolved, so that the resource holding it can be named.
 */
export class UnresolvableValueError extends Error {
  override readonly name = 'UnresolvableValueError';

  /**
   * @param message - which intrinsic, quoting it, and why it has no local value
   * @param node - the intrinsic object of the template, when known
   */
  constructor(
    message: string,
    readonly node?: unknown,
  ) {
    super(message);
  }
}

/** Marks a property to drop, as `AWS::NoValue` does. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
