/**
 * Sends one request with undici and records the exchange exactly as the server answered it.
 *
 * @module
 */
import { request } from 'undici';
import type { CheckMethod } from './chapter-checks.js';
import type { HeaderLine, RecordedExchange } from './recorded-exchange.js';

/** What {@link sendRequest} sends. */
export interface OutgoingRequest {
  /** The request method. */
  readonly method: CheckMethod;
  /**
   * Request headers, sent in this order.
   * @default - none
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The request body.
   * @default - no body
   */
  readonly body?: string;
}

/**
 * Sends a request and reads the whole answer, keeping the response headers in the order and the case the
 * server wrote them (undici's `responseHeaders: 'raw'`), which is what `curl -i` shows.
 *
 * @param url - the absolute URL to request
 * @param outgoing - the method, headers and body
 * @returns the exchange
 * @throws Error naming the URL when the server cannot be reached
 * @example
 * ```ts
 * const { response } = await sendRequest('http://127.0.0.1:3001/prod/', { method: 'OPTIONS' });
 * response.headers; // [['x-amzn-RequestId', '…'], ['Access-Control-Allow-Origin', '*'], …]
 * ```
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-requestoptions
 */
export async function sendRequest(url: string, outgoing: OutgoingRequest): Promise<RecordedExchange> {
  const headers = Object.entries(outgoing.headers ?? {});
  let answer: Awaited<ReturnType<typeof request>>;
  try {
    answer = await request(url, {
      method: outgoing.method,
      headers: headers.flat(),
      body: outgoing.body,
      responseHeaders: 'raw',
    });
  } catch (error) {
    throw new Error(`Could not send ${outgoing.method} ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const body = await answer.body.text();
  return {
    request: {
      method: outgoing.method,
      url,
      headers,
      ...(outgoing.body === undefined ? {} : { body: outgoing.body }),
    },
    response: {
      status: answer.statusCode,
      statusText: answer.statusText,
      // With responseHeaders: 'raw', undici hands the header lines over as a flat [name, value, …] list.
      headers: pairs(answer.headers as unknown as readonly string[]),
      body,
    },
  };
}

function pairs(flat: readonly string[]): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    lines.push([flat[index]!, flat[index + 1]!]);
  }
  return lines;
}
