/** A Java regular expression the engine cannot use: invalid, or a construct it does not translate. */
export class JavaRegexError extends Error {
  override readonly name = 'JavaRegexError';
}
