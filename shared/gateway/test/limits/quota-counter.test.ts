import { describe, expect, it } from 'vitest';
import { QuotaCounter, quotaPeriodStart } from '../../src/limits/quota-counter.js';

describe('QuotaCounter', () => {
  it('counts the offset as used in the first period and starts afresh in the next', () => {
    let now = Date.UTC(2026, 0, 5, 23, 0);
    const counter = new QuotaCounter({ limit: 3, period: 'DAY', offset: 2 }, () => now);
    expect([counter.take(), counter.take()]).toEqual([true, false]);
    now = Date.UTC(2026, 0, 6, 0, 0);
    expect([counter.take(), counter.take(), counter.take(), counter.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('starts weeks on Monday and months on the first, in UTC', () => {
    const wednesday = Date.UTC(2026, 11, 2, 15, 0);
    expect(new Date(quotaPeriodStart('WEEK', wednesday)).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(quotaPeriodStart('MONTH', wednesday)).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const sunday = Date.UTC(2026, 11, 6, 12, 0);
    expect(new Date(quotaPeriodStart('WEEK', sunday)).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
