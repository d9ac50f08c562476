import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeVary } from '../src/vary.js';

describe('mergeVary', () => {
  it('appends a new name after the existing ones', () => {
    expect(mergeVary(['Accept-Encoding', 'Origin'])).toBe('Accept-Encoding, Origin');
  });

  it('keeps a name once, in its first spelling, whatever its case', () => {
    expect(mergeVary(['accept-encoding, origin', 'Origin'])).toBe('accept-encoding, origin');
  });

  it('lets * absorb every other name', () => {
    expect(mergeVary(['*', 'Origin'])).toBe('*');
    expect(mergeVary(['Accept', 'Origin, *'])).toBe('*');
  });

  it('ignores empty list members and blank values', () => {
    expect(mergeVary([' , Accept ,, ', '', 'Origin'])).toBe('Accept, Origin');
    expect(mergeVary([])).toBe('');
  });

  it('lists every merged name exactly once', () => {
    const name = fc.constantFrom('Origin', 'origin', 'Accept', 'ACCEPT-ENCODING', 'Accept-Encoding', 'X-Foo');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(name, { maxLength: 4 }).map((names) => names.join(', ')),
          { maxLength: 4 },
        ),
        (values) => {
          const merged = mergeVary(values).split(', ').filter(Boolean);
          const expected = new Set(
            values
              .flatMap((value) => value.split(', '))
              .filter(Boolean)
              .map((n) => n.toLowerCase()),
          );
          expect(merged.map((n) => n.toLowerCase()).sort()).toEqual([...expected].sort());
        },
      ),
    );
  });
});
