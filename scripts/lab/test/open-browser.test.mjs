import { describe, expect, it } from 'vitest';
import { openCommand, shouldOpen } from '../open-browser.mjs';

describe('openCommand', () => {
  it("uses each platform's own opener", () => {
    expect(openCommand('http://localhost:3000/', 'darwin')).toEqual(['open', ['http://localhost:3000/']]);
    expect(openCommand('http://localhost:3000/', 'linux')).toEqual(['xdg-open', ['http://localhost:3000/']]);
    expect(openCommand('http://localhost:3000/?a=1&b=2', 'win32')).toEqual([
      'cmd',
      ['/c', 'start', '""', 'http://localhost:3000/?a=1^&b=2'],
    ]);
  });
});

describe('shouldOpen', () => {
  it('opens the lab from a terminal unless told not to or run in CI', () => {
    expect(shouldOpen(new Set(), {}, true)).toBe(true);
    expect(shouldOpen(new Set(['--no-open']), {}, true)).toBe(false);
    expect(shouldOpen(new Set(), { CI: 'true' }, true)).toBe(false);
    expect(shouldOpen(new Set(), {}, false)).toBe(false);
  });
});
