import { describe, expect, it } from 'vitest';
import { PathMemo } from '../../src/server/path-memo.js';

describe('PathMemo', () => {
  it('computes a path once and answers the next lookups from memory, undefined included', () => {
    const memo = new PathMemo<string | undefined>();
    const seen: string[] = [];
    const compute = (path: string) => {
      seen.push(path);
      return path === '/none' ? undefined : path.toUpperCase();
    };

    expect(memo.get('/a', compute)).toBe('/A');
    expect(memo.get('/a', compute)).toBe('/A');
    expect(memo.get('/none', compute)).toBeUndefined();
    expect(memo.get('/none', compute)).toBeUndefined();
    expect(seen).toEqual(['/a', '/none']);
  });

  it('starts afresh past its limit, so ever new paths cannot make it grow', () => {
    const memo = new PathMemo<number>(2);
    for (const path of ['/1', '/2', '/3']) memo.get(path, (p) => p.length);

    expect(memo.size).toBe(1);
  });

  it('never keeps a path longer than it allows', () => {
    const memo = new PathMemo<number>(512, 4);
    let computed = 0;
    const compute = () => ++computed;

    memo.get('/long-path', compute);
    memo.get('/long-path', compute);

    expect(computed).toBe(2);
    expect(memo.size).toBe(0);
  });
});
