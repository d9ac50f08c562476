/**
 * A {@link Transport} that answers from exchanges observed elsewhere — what the local gateway reported for a
 * browser's call — so that the doctor can judge and explain a call it did not make.
 *
 * @module
 */
import { type ExchangeRole, NetworkError, type Transport, type WireResponse } from './cors/exchange.js';
import type { HeaderLine } from './cors/header-lines.js';

/** An exchange as observed: the request's method and URL (absolute, or a path with its query), and the answer. */
export interface ObservedExchange {
  /** The request. */
  readonly request: {
    /** Its method. */
    readonly method: string;
    /** Its URL, absolute or a path with its query. */
    readonly url: string;
  };
  /** The answer. */
  readonly response: {
    /** Its status. */
    readonly status: number;
    /** Its reason phrase. @default '' */
    readonly statusText?: string;
    /** Its header lines. */
    readonly headers: readonly HeaderLine[];
    /** Its body. @default '' */
    readonly body?: string;
  };
}

/** Thrown by a replay transport when no observed exchange answers the request the browser would send. */
export class ReplayGapError extends NetworkError {
  /** The role of the request that found no answer. */
  readonly role: ExchangeRole;

  constructor(message: string, role: ExchangeRole) {
    super(message);
    this.role = role;
  }
}

/**
 * A transport answering each request with the first unused observed exchange of the same method and path.
 * @param observed - the exchanges, in the order they happened
 * @throws ReplayGapError (from the transport) when a request has no observed answer
 */
export function replayTransport(observed: readonly ObservedExchange[]): Transport {
  const unused = [...observed];
  return async (request, role) => {
    const wanted = pathOf(request.url);
    const index = unused.findIndex(
      (exchange) => exchange.request.method === request.method && pathOf(exchange.request.url) === wanted,
    );
    if (index === -1) {
      throw new ReplayGapError(
        `no ${request.method} ${wanted} was observed, so the ${role} cannot be judged`,
        role,
      );
    }
    const [exchange] = unused.splice(index, 1);
    const { response } = exchange!;
    const answer: WireResponse = {
      status: response.status,
      statusText: response.statusText ?? '',
      headers: response.headers,
      body: response.body ?? '',
    };
    return answer;
  };
}

function pathOf(url: string): string {
  const parsed = new URL(url, 'http://observed.invalid');
  return `${parsed.pathname}${parsed.search}`;
}
