import { HTTP_API_DROPPED_PROXY_HEADERS } from './dropped-response-headers.js';

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
export const FRAMING_HEADERS: ReadonlySet<string> = HTTP_API_DROPPED_PROXY_HEADERS;

/** Builds a {@link MalformedResult}. */
export function malformed(reason: string): MalformedResult {
  return { malformed: true, reason };
}
