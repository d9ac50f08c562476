/**
 * Compares the doctor's verdict on a call with Chromium's decision for the same `fetch()`.
 */
import { type Diagnosis, FetchTypeError, isPreflightError } from '../../src/index.js';
import type { BrowserObservation } from './chromium-fetches.js';

/** A response the server sent, as its own log has it. */
export interface ServedResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

/** What the doctor said about a call: a diagnosis, or the error `fetch()` would throw. */
export type DoctorResult = Diagnosis | FetchTypeError;

/** Chromium's decision, restated as the doctor's verdict and step. */
export interface ChromiumVerdict {
  readonly verdict: 'allowed' | 'blocked' | 'type-error';
  readonly step: string | null;
}

/**
 * Chromium's verdict and blocking step. The step is read from the CORS error's name; for an error on a
 * response, from whether the response Chromium names in its console line is a redirect.
 */
export function chromiumVerdict(
  observation: BrowserObservation,
  readHeaders: readonly string[],
  served: readonly ServedResponse[],
): ChromiumVerdict {
  if (observation.verdict === 'type-error') return { verdict: 'type-error', step: null };
  if (observation.verdict === 'allowed') {
    const final = served.at(-1);
    const hidden = readHeaders.some(
      (name) =>
        observation.reads?.[name] === null &&
        final?.headers.some(([key]) => key.toLowerCase() === name.toLowerCase()),
    );
    return hidden ? { verdict: 'blocked', step: 'read-header' } : { verdict: 'allowed', step: null };
  }
  const error = observation.corsError?.corsError;
  if (error === undefined)
    return { verdict: 'blocked', step: observation.netError === undefined ? null : 'redirect' };
  if (isPreflightError(error as never)) return { verdict: 'blocked', step: 'preflight' };
  if (error === 'RedirectContainsCredentials' || error === 'CorsDisabledScheme')
    return { verdict: 'blocked', step: 'redirect' };
  const at = /Access to fetch at '([^']*)'/.exec(observation.console ?? '')?.[1];
  const response = served.findLast((entry) => entry.url === at);
  const redirect =
    response !== undefined &&
    [301, 302, 303, 307, 308].includes(response.status) &&
    response.headers.some(([key]) => key.toLowerCase() === 'location');
  return { verdict: 'blocked', step: redirect ? 'redirect' : 'request' };
}

/**
 * The differences between the doctor and Chromium, as sentences; `[]` when they agree on the verdict, the
 * step, the CORS error and its parameter, the console line, the status and the headers read.
 */
export function mismatches(
  doctor: DoctorResult,
  observation: BrowserObservation,
  readHeaders: readonly string[],
  served: readonly ServedResponse[],
): string[] {
  const chromium = chromiumVerdict(observation, readHeaders, served);
  if (doctor instanceof FetchTypeError) {
    return chromium.verdict === 'type-error' && observation.typeError === doctor.message
      ? []
      : [
          `fetch() threw for the doctor (${doctor.message}) but Chromium decided ${JSON.stringify(observation)}`,
        ];
  }
  const out: string[] = [];
  if (doctor.verdict !== chromium.verdict)
    out.push(`verdict: doctor ${doctor.verdict}, Chromium ${chromium.verdict}`);
  if (doctor.step !== chromium.step) out.push(`step: doctor ${doctor.step}, Chromium ${chromium.step}`);
  const ours = doctor.corsError;
  const theirs = observation.corsError;
  if (ours?.corsError !== theirs?.corsError) {
    out.push(`CORS error: doctor ${ours?.corsError}, Chromium ${theirs?.corsError}`);
  } else if (ours !== undefined && theirs !== undefined) {
    const refused = doctor.outcome.refusedHeaders;
    const sameParameter =
      ours.failedParameter === theirs.failedParameter ||
      (ours.corsError === 'HeaderDisallowedByPreflightResponse' && refused.includes(theirs.failedParameter));
    if (!sameParameter)
      out.push(`failed parameter: doctor ${ours.failedParameter}, Chromium ${theirs.failedParameter}`);
    const message = doctor.consoleMessage?.replace(
      `Request header field ${ours.failedParameter} `,
      `Request header field ${theirs.failedParameter} `,
    );
    if (!sameConsoleLine(message, observation.console))
      out.push(`console: doctor\n  ${message}\nChromium\n  ${observation.console}`);
  }
  if (doctor.outcome.netError !== observation.netError) {
    out.push(`network error: doctor ${doctor.outcome.netError}, Chromium ${observation.netError}`);
  }
  if (observation.verdict === 'allowed') {
    if (doctor.outcome.status !== observation.status)
      out.push(`status: doctor ${doctor.outcome.status}, Chromium ${observation.status}`);
    const reads = Object.fromEntries(doctor.outcome.reads.map((read) => [read.name, read.value]));
    if (JSON.stringify(reads) !== JSON.stringify(observation.reads ?? {})) {
      out.push(
        `headers read: doctor ${JSON.stringify(reads)}, Chromium ${JSON.stringify(observation.reads)}`,
      );
    }
  }
  return out;
}

const SCHEME_LIST = /(Cross origin requests are only supported for protocol schemes: )([^.]*)\./;

/**
 * Whether the doctor's console line is Chromium's, word for word, except for the list of schemes a
 * `CorsDisabledScheme` line ends with: Chromium releases list different schemes (150 lists seven, 156 adds
 * `chrome-experimental-site-token-provider`), so that list only has to be a list both name `http` and `https` in.
 */
export function sameConsoleLine(doctor: string | undefined, chromium: string | undefined): boolean {
  if (doctor === chromium) return true;
  if (doctor === undefined || chromium === undefined) return false;
  const ours = SCHEME_LIST.exec(doctor);
  const theirs = SCHEME_LIST.exec(chromium);
  if (!ours || !theirs) return false;
  const named = (list: string) => new Set(list.split(', '));
  const bothWeb = [named(ours[2]!), named(theirs[2]!)].every((set) => set.has('http') && set.has('https'));
  return bothWeb && doctor.replace(SCHEME_LIST, '$1.') === chromium.replace(SCHEME_LIST, '$1.');
}
