import { describe, expect, it } from 'vitest';
import { AuthorizerCache, cacheKey } from '../../src/auth/authorizer-cache.js';

function clock() {
  const state = { now: 1_000_000 };
  return { state, now: () => state.now };
}

describe('AuthorizerCache', () => {
  it('returns an answer until its TTL is up, then forgets it', () => {
    const { state, now } = clock();
    const cache = new AuthorizerCache<string>(10, now);
    cache.set('k', 'answer', 300);

    state.now += 299_999;
    expect(cache.get('k')).toBe('answer');
    state.now += 1;
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0', () => {
    const cache = new AuthorizerCache<string>();
    cache.set('k', 'answer', 0);

    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('makes room by dropping the oldest answer once full', () => {
    const cache = new AuthorizerCache<number>(2);
    cache.set('a', 1, 60);
    cache.set('b', 2, 60);
    cache.set('c', 3, 60);

    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });
});

describe('cacheKey', () => {
  it('keeps identity values apart that would run together if joined', () => {
    expect(cacheKey('auth', ['a,b', 'c'])).not.toBe(cacheKey('auth', ['a', 'b,c']));
    expect(cacheKey('one', ['x'])).not.toBe(cacheKey('two', ['x']));
  });
});
