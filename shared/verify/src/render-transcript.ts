/**
 * Renders exchanges the way a terminal shows `curl -i`: the command, the status line, the header lines in the
 * server's order and spelling, a blank line and the body.
 *
 * @module
 */
import type { RecordedExchange, RecordedRequest } from './recorded-exchange.js';

/**
 * The `curl` command that sends a request, as a reader would type it: `-X` unless the method is `GET`, one
 * `-H` per header, `--data-raw` for a body; arguments are quoted for a POSIX shell when they need it.
 *
 * @param request - the request to show
 * @param url - the URL to show (the transcript's stable URL rather than the run's)
 * @returns the command, without the prompt
 * @example
 * ```ts
 * curlCommand({ method: 'OPTIONS', url, headers: [['Origin', 'http://localhost:5173']] }, 'http://127.0.0.1:3001/prod/');
 * // "curl -i -X OPTIONS -H 'Origin: http://localhost:5173' http://127.0.0.1:3001/prod/"
 * ```
 * @see https://curl.se/docs/manpage.html#-i
 */
export function curlCommand(request: RecordedRequest, url: string): string {
  const words = ['curl', '-i'];
  if (request.method !== 'GET') {
    words.push('-X', request.method);
  }
  for (const [name, value] of request.headers) {
    words.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.body !== undefined) {
    words.push('--data-raw', shellQuote(request.body));
  }
  words.push(shellQuote(url));
  return words.join(' ');
}

/**
 * One exchange as `curl -i` prints it, preceded by its command line (`$ curl -i …`). The body follows a blank
 * line; a response without a body ends with its last header line. HTTP/1.1 is assumed, as the local gateway
 * speaks it.
 *
 * @param exchange - the exchange, masked beforehand if it is to be compared with another run
 * @param url - the URL to show in the command; the URL the request was sent to unless given
 * @returns the lines, joined with `\n`, without a final newline
 * @example
 * ```ts
 * renderExchange(maskExchange(exchange), 'http://127.0.0.1:3001/prod/');
 * // $ curl -i http://127.0.0.1:3001/prod/
 * // HTTP/1.1 200 OK
 * // Content-Type: application/json
 * // …
 * //
 * // {"state":"ok"}
 * ```
 */
export function renderExchange(exchange: RecordedExchange, url: string = exchange.request.url): string {
  const { response } = exchange;
  const lines = [
    `$ ${curlCommand(exchange.request, url)}`,
    `HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd(),
    ...response.headers.map(([name, value]) => `${name}: ${value}`),
  ];
  if (response.body !== '') {
    lines.push('', response.body);
  }
  return lines.join('\n');
}

/**
 * Several rendered exchanges as one fenced `console` block of Markdown, exchanges separated by a blank line.
 *
 * @param exchanges - each exchange, already rendered by {@link renderExchange}
 * @returns the fenced block, without a final newline
 */
export function renderTranscript(exchanges: readonly string[]): string {
  return ['```console', exchanges.join('\n\n'), '```'].join('\n');
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

function shellQuote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
