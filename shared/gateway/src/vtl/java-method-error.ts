/** A Java method that threw (e.g. `substring` out of range): Velocity aborts the template. */
export class JavaMethodError extends Error {
  override readonly name = 'JavaMethodError';
}
