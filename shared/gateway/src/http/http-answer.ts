/** A Lambda result turned into the response an HTTP API sends, before CORS and request-ID headers. */
export interface HttpAnswer {
  readonly status: number;
  /** Lower-case header names, in order. */
  readonly headers: Array<[string, string]>;
  readonly body: string | Buffer;
}

/** A Lambda result API Gateway cannot turn into a response; it answers 500 and logs `reason`. */
export interface MalformedResult {
  readonly malformed: true;
  /** What is wrong, quoting the bad value. */
  readonly reason: string;
}

/** Headers a function may not set: the gateway computes the framing of the response itself. */
export const FRAMING_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
]);

/** Builds a {@link MalformedResult}. */
export function malformed(reason: string): MalformedResult {
  return { malformed: true, reason };
}
