import type { ThrottleSettings } from './limit-settings.js';

/**
 * The token bucket API Gateway throttles with: it holds up to `burstLimit` tokens, starts full, and gains
 * `rateLimit` tokens a second; each request takes one, and a request that finds none is throttled.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  /** @param now - the clock, in milliseconds @default Date.now */
  constructor(
    readonly settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = settings.burstLimit;
    this.#updatedAt = now();
  }

  /** Takes a token if there is one; `false` means the request is throttled. */
  take(): boolean {
    const now = this.now();
    const { rateLimit, burstLimit } = this.settings;
    this.#tokens = Math.min(burstLimit, this.#tokens + ((now - this.#updatedAt) / 1000) * rateLimit);
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
