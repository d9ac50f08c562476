import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/limits/token-bucket.js';

describe('TokenBucket', () => {
  it('starts full, allows burstLimit requests at once and refills at rateLimit a second', () => {
    let now = 0;
    const bucket = new TokenBucket({ rateLimit: 2, burstLimit: 3 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than burstLimit tokens, however long it rests', () => {
    let now = 0;
    const bucket = new TokenBucket({ rateLimit: 100, burstLimit: 1 }, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });

  it('throttles every request when burstLimit is 0', () => {
    const bucket = new TokenBucket({ rateLimit: 1000, burstLimit: 0 }, () => 0);
    expect(bucket.take()).toBe(false);
  });
});
