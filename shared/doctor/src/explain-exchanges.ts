/**
 * `explainExchanges()`: the doctor's verdict, explanation and fix for a call someone else made — a page in
 * a real browser — from the exchanges the server (e.g. the local gateway) observed.
 *
 * @module
 */
import type { FetchInput } from './cors/browser-request.js';
import { type DiagnoseOptions, type Diagnosis, diagnose } from './diagnose.js';
import { type ObservedExchange, ReplayGapError, replayTransport } from './replay-transport.js';

/** Options of {@link explainExchanges}: the call as the page made it, and what the server observed. */
export interface ExplainExchangesOptions
  extends FetchInput,
    Pick<DiagnoseOptions, 'readHeaders' | 'assembly' | 'api' | 'cwd'> {
  /** The exchanges of the call, in the order the server answered them. */
  readonly exchanges: readonly ObservedExchange[];
}

/** The verdict could not be replayed: the observed exchanges stop before the browser's checks do. */
export interface UnknownVerdict {
  /** Always `unknown`. */
  readonly verdict: 'unknown';
  /** Why, e.g. `no PUT /prod/ was observed, so the request cannot be judged`. */
  readonly reason: string;
}

/**
 * Replays a call over the exchanges the server observed and explains it as {@link diagnose} does, fix
 * included when the API is known.
 *
 * @param options - the call (URL, origin, method, headers, body, credentials, headers read), the observed
 *   exchanges, and the assembly and API
 * @returns the diagnosis, or `unknown` when an exchange the browser would need is missing
 * @throws FetchTypeError when the call is one `fetch()` refuses
 * @example
 * ```ts
 * const diagnosis = await explainExchanges({
 *   url: 'http://127.0.0.1:3100/prod/', origin: 'http://localhost:3000', method: 'PUT',
 *   exchanges: [{ request: { method: 'OPTIONS', url: '/prod/' }, response: { status: 204, headers } }],
 *   assembly: 'chapters/01-rest-proxy/cdk.out', api: 'ProxyCorsRestApiB964F16B',
 * });
 * ```
 */
export async function explainExchanges(
  options: ExplainExchangesOptions,
): Promise<Diagnosis | UnknownVerdict> {
  const { exchanges, ...call } = options;
  try {
    return await diagnose({ ...call, transport: replayTransport(exchanges) });
  } catch (error) {
    if (error instanceof ReplayGapError) return { verdict: 'unknown', reason: error.message };
    throw error;
  }
}
