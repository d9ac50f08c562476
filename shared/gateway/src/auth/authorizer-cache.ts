import { createHash } from 'node:crypto';

/** One cached answer and when it stops counting. */
interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

/**
 * The authorizer result cache of one API: answers keyed by the authorizer and the values of its identity
 * sources, kept for the authorizer's `AuthorizerResultTtlInSeconds`. A TTL of 0 keeps nothing. The oldest
 * entries make room once `capacity` is reached, so a client sending a new token with every request cannot
 * grow it without bound.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization.html
 */
export class AuthorizerCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #capacity: number;
  readonly #now: () => number;

  /**
   * @param capacity - how many answers are kept at most
   * @param now - the clock, in epoch milliseconds
   * @default capacity 10000
   * @default now Date.now
   */
  constructor(capacity = 10_000, now: () => number = Date.now) {
    this.#capacity = capacity;
    this.#now = now;
  }

  /** The answer cached under `key`, unless there is none or its time is up. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Caches `value` under `key` for `ttlSeconds`; with 0, nothing is cached. */
  set(key: string, value: V, ttlSeconds: number): void {
    if (ttlSeconds <= 0) return;
    this.#entries.delete(key);
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlSeconds * 1000 });
  }

  /** How many answers are cached (expired ones included until they are looked up). */
  get size(): number {
    return this.#entries.size;
  }
}

/**
 * The cache key of an answer: a digest of the authorizer and the identity source values, which cannot run
 * together, so that a cache full of long tokens stays small.
 */
export function cacheKey(authorizerId: string, identityValues: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([authorizerId, ...identityValues]))
    .digest('base64url');
}
