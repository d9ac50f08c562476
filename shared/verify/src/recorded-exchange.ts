/**
 * One HTTP exchange as it went over the wire: what a transcript shows and what a check is evaluated on.
 *
 * @module
 */

/** A header line: its name as sent (case kept) and its value. */
export type HeaderLine = readonly [name: string, value: string];

/** The request of an exchange. */
export interface RecordedRequest {
  /** The method, e.g. `OPTIONS`. */
  readonly method: string;
  /** The full URL requested. */
  readonly url: string;
  /** The headers the check asked for, in order (not those the HTTP client adds by itself). */
  readonly headers: readonly HeaderLine[];
  /** The body sent, if any. */
  readonly body?: string;
}

/** The response of an exchange, as the server sent it. */
export interface RecordedResponse {
  /**
   * The status code, e.g. `204`.
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status
   */
  readonly status: number;
  /** The reason phrase of the status line, e.g. `No Content`. */
  readonly statusText: string;
  /** The header lines in the order the server sent them, with the server's spelling of each name. */
  readonly headers: readonly HeaderLine[];
  /** The body, decoded as UTF-8 (`''` when there is none). */
  readonly body: string;
}

/** A request and the response it got. */
export interface RecordedExchange {
  /** What was sent. */
  readonly request: RecordedRequest;
  /** What came back. */
  readonly response: RecordedResponse;
}

/**
 * The value of a response header, whatever the case of its name; the values of a repeated header are joined
 * with `, `, as HTTP allows for every header but `Set-Cookie`.
 *
 * @param response - the response to read
 * @param name - the header's name, in any case
 * @returns the value, or `undefined` when the header is absent
 * @example
 * ```ts
 * headerValue(exchange.response, 'Access-Control-Allow-Origin'); // '*'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.3
 */
export function headerValue(response: RecordedResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values = response.headers.filter(([headerName]) => headerName.toLowerCase() === wanted);
  return values.length === 0 ? undefined : values.map(([, value]) => value).join(', ');
}
