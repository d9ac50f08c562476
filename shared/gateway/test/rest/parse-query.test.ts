import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/rest/parse-query.js';

describe('parsing a query string', () => {
  it('gives null maps for an empty query, as a payload 1.0 event has them', () => {
    expect(parseQuery('')).toEqual({ single: null, multi: null });
    expect(parseQuery('&&')).toEqual({ single: null, multi: null });
  });

  it('decodes names and values, a plus sign being a space', () => {
    expect(parseQuery('q=a+b%20c&na%6De=%E2%9C%93').single).toEqual({ q: 'a b c', name: '✓' });
  });

  it('keeps the last value of a repeated name in the single-value map and all of them in the multi-value map', () => {
    expect(parseQuery('id=1&id=2')).toEqual({ single: { id: '2' }, multi: { id: ['1', '2'] } });
  });

  it('gives a name without = the empty value, and leaves a malformed escape as it was', () => {
    expect(parseQuery('flag&bad=%E0%A4%A').single).toEqual({ flag: '', bad: '%E0%A4%A' });
  });
});
