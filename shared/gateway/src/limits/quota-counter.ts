import type { QuotaSettings } from './limit-settings.js';

/** The start (epoch ms, UTC) of the quota period that contains `at`: the day, the ISO week (Monday) or the month. */
export function quotaPeriodStart(period: QuotaSettings['period'], at: number): number {
  const date = new Date(at);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (period === 'DAY') return day;
  if (period === 'MONTH') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return day - ((date.getUTCDay() + 6) % 7) * 86_400_000;
}

/**
 * Counts one key's requests against a usage plan's quota: `limit` requests per UTC day, week or month, of
 * which `offset` count as already used in the first period.
 */
export class QuotaCounter {
  #periodStart: number;
  #used: number;

  /** @param now - the clock, in milliseconds @default Date.now */
  constructor(
    readonly settings: QuotaSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.#periodStart = quotaPeriodStart(settings.period, now());
    this.#used = settings.offset;
  }

  /** Counts a request if the quota allows it; `false` means the quota is used up. */
  take(): boolean {
    const start = quotaPeriodStart(this.settings.period, this.now());
    if (start !== this.#periodStart) {
      this.#periodStart = start;
      this.#used = 0;
    }
    if (this.#used >= this.settings.limit) return false;
    this.#used += 1;
    return true;
  }
}
