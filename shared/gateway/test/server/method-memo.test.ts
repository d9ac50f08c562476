import { describe, expect, it } from 'vitest';
import { MethodMemo } from '../../src/server/method-memo.js';

interface Match {
  readonly name: string;
  readonly pathParameters: Readonly<Record<string, string>> | null;
}

/** A memo whose matcher counts its calls: GET matches without parameters, PUT with, others not at all. */
function countingMemo() {
  const calls: string[] = [];
  const memo = new MethodMemo<Match>((method) => {
    calls.push(method);
    if (method === 'GET') return { name: 'GET /items', pathParameters: null };
    if (method === 'PUT') return { name: 'PUT /items/{id}', pathParameters: { id: '1' } };
    return undefined;
  });
  return { memo, calls };
}

describe('MethodMemo', () => {
  it('matches each method once, remembering a match and the absence of one', () => {
    const { memo, calls } = countingMemo();

    expect(memo.get('GET')?.name).toBe('GET /items');
    expect(memo.get('GET')?.name).toBe('GET /items');
    expect(memo.get('POST')).toBeUndefined();
    expect(memo.get('POST')).toBeUndefined();
    expect(calls).toEqual(['GET', 'POST']);
  });

  it('matches a route with path parameters afresh for every request', () => {
    const { memo, calls } = countingMemo();

    const first = memo.get('PUT');
    const second = memo.get('PUT');

    expect(second?.pathParameters).toEqual({ id: '1' });
    expect(second?.pathParameters).not.toBe(first?.pathParameters);
    expect(calls).toEqual(['PUT', 'PUT']);
  });

  it('stops remembering past sixteen methods, however many a client invents', () => {
    const { memo, calls } = countingMemo();

    for (let i = 0; i < 20; i++) memo.get(`X${i}`);
    for (let i = 0; i < 20; i++) memo.get(`X${i}`);

    expect(calls.length).toBe(20 + 4);
  });
});
