import { describe, expect, it } from 'vitest';
import { propagatedTraceHeader } from '../../src/rest/trace-header.js';

const ROOT = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8';

describe('propagatedTraceHeader', () => {
  it('keeps a trace header with a root and a parent whole', () => {
    const full = `${ROOT};Parent=7fa8c0f79203be72;Sampled=1`;
    expect(propagatedTraceHeader(full, 0)).toBe(full);
  });

  it('gives a root-only header a new parent after the root, and Sampled=0', () => {
    expect(propagatedTraceHeader(ROOT, 0)).toMatch(
      /^Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=[0-9a-f]{16};Sampled=0$/,
    );
    expect(propagatedTraceHeader(`${ROOT};Sampled=1`, 0)).toMatch(/;Parent=[0-9a-f]{16};Sampled=1$/);
  });

  it('starts a new trace without a header, or with one that names no root', () => {
    const epoch = (1_700_000_000).toString(16);
    for (const incoming of [undefined, 'Self=1-abc', '']) {
      expect(propagatedTraceHeader(incoming, 1_700_000_000_000)).toMatch(
        new RegExp(`^Root=1-${epoch}-[0-9a-f]{24};Sampled=0$`),
      );
    }
  });
});
