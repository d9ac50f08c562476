/**
 * The HTTP exchanges a CORS fetch is made of, and the transport that carries them.
 *
 * @module
 */
import type { HeaderLine } from './header-lines.js';

/** A request on the wire. */
export interface WireRequest {
  /** The method, e.g. `OPTIONS`. */
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  /** The header lines, in the order sent. */
  readonly headers: readonly HeaderLine[];
  /** The body, if any. */
  readonly body?: string;
}

/** A response on the wire. */
export interface WireResponse {
  /** The status code. */
  readonly status: number;
  /** The reason phrase, e.g. `No Content`. */
  readonly statusText: string;
  /** The header lines, in the order and spelling the server sent them. */
  readonly headers: readonly HeaderLine[];
  /** The body as UTF-8 text; `''` when there is none. */
  readonly body: string;
}

/**
 * What an exchange is for: the browser's own `preflight`, or the `request` the page asked for (each hop of a
 * redirect chain is one).
 */
export type ExchangeRole = 'preflight' | 'request';

/** One request and its response. */
export interface Exchange {
  /** What the exchange is for. */
  readonly role: ExchangeRole;
  /** What was sent. */
  readonly request: WireRequest;
  /** What came back. */
  readonly response: WireResponse;
}

/**
 * Sends one request and returns the response, without following redirects.
 * @throws NetworkError when no response arrives
 */
export type Transport = (request: WireRequest, role: ExchangeRole) => Promise<WireResponse>;

/** Thrown by a {@link Transport} when the server cannot be reached or does not answer. */
export class NetworkError extends Error {
  /** Always `NetworkError`. */
  override readonly name = 'NetworkError';
}
