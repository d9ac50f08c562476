/**
 * The {@link Transport} that sends exchanges over the network with undici, one at a time, never following
 * redirects (the CORS logic follows them itself).
 *
 * @module
 */
import { request } from 'undici';
import { NetworkError, type Transport } from './cors/exchange.js';
import type { HeaderLine } from './cors/header-lines.js';

/** A body longer than this is cut in the exchanges, with a note saying how long it was. */
export const MAX_BODY_CHARACTERS = 16_384;

/** Options of {@link httpTransport}. */
export interface HttpTransportOptions {
  /**
   * How long to wait for each response, headers and body, in milliseconds.
   * @default 10_000
   */
  readonly timeoutMs?: number;
}

/**
 * A transport over HTTP(S).
 * @param options - the timeout
 * @returns a transport whose errors are {@link NetworkError}s naming the request
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-requestoptions
 */
export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const timeout = options.timeoutMs ?? 10_000;
  return async (outgoing) => {
    let answer: Awaited<ReturnType<typeof request>>;
    try {
      answer = await request(outgoing.url, {
        method: outgoing.method as 'GET',
        headers: outgoing.headers.flat(),
        body: outgoing.body,
        responseHeaders: 'raw',
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new NetworkError(
        `${outgoing.method} ${outgoing.url} got no response: ${(error as Error).message}${code ? ` (${code})` : ''}`,
        { cause: error },
      );
    }
    let body: string;
    try {
      body = await answer.body.text();
    } catch (error) {
      throw new NetworkError(
        `${outgoing.method} ${outgoing.url}: the body did not arrive: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    return {
      status: answer.statusCode,
      statusText: answer.statusText,
      headers: pairs(answer.headers as unknown as readonly string[]),
      body:
        body.length > MAX_BODY_CHARACTERS
          ? `${body.slice(0, MAX_BODY_CHARACTERS)}… (${body.length} characters)`
          : body,
    };
  };
}

/** Undici's raw headers, `[name, value, name, value, …]`, as header lines. */
function pairs(flat: readonly (string | Buffer)[]): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    lines.push([String(flat[index]), String(flat[index + 1])]);
  }
  return lines;
}
