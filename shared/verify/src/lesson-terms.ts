/**
 * How a failed check is told to a learner: the request as the lesson names it (`GET /greeting`) and the
 * header as the lesson writes it (`Access-Control-Allow-Origin`), quoted as code.
 *
 * @module
 */
import type { CheckRequest } from './chapter-checks.js';

/**
 * A request as the lesson names it: the method and the path below the API's invoke URL, and the page's
 * `Origin` when it sends one, in backticks.
 *
 * @param request - the check's request
 * @returns e.g. `` `GET /greeting` from `http://localhost:5173` ``
 * @example
 * ```ts
 * requestInLessonTerms({ method: 'OPTIONS', path: 'greeting', headers: { Origin: 'https://a.example' } });
 * // "`OPTIONS /greeting` from `https://a.example`"
 * ```
 */
export function requestInLessonTerms(request: CheckRequest): string {
  const origin = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];
  const label = `\`${request.method} /${request.path ?? ''}\``;
  return origin === undefined ? label : `${label} from \`${origin}\``;
}

/**
 * A header name as the lessons write it: each word capitalized (`access-control-allow-origin` →
 * `Access-Control-Allow-Origin`), unless the response spelled it otherwise (`x-amzn-RequestId`).
 *
 * @param name - the name, in any case
 * @param spelledAs - the names as the server sent them, whose spelling wins when one matches
 * @default spelledAs []
 */
export function headerInLessonTerms(name: string, spelledAs: readonly string[] = []): string {
  const sent = spelledAs.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sent !== undefined && sent !== sent.toLowerCase()) return sent;
  return name
    .toLowerCase()
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');
}
