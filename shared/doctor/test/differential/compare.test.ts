import { describe, expect, it } from 'vitest';
import { sameConsoleLine } from './compare.js';

const blocked = (schemes: string) =>
  `Access to fetch at 'ftp://files.example/x' (redirected from 'http://127.0.0.1:1/c') from origin 'http://localhost:5173' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: ${schemes}.`;
const chromium150 = 'chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app';
const chromium156 =
  'chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app';

describe('comparing console lines', () => {
  it('accepts the same line word for word', () => {
    expect(sameConsoleLine(blocked(chromium156), blocked(chromium156))).toBe(true);
  });

  it('accepts the scheme list of another Chromium release', () => {
    expect(sameConsoleLine(blocked(chromium156), blocked(chromium150))).toBe(true);
  });

  it('refuses a scheme list that leaves out http or https', () => {
    expect(sameConsoleLine(blocked(chromium156), blocked('chrome, data, https'))).toBe(false);
  });

  it('refuses a line that differs outside the scheme list', () => {
    const other = blocked(chromium150).replace('localhost:5173', 'localhost:3000');
    expect(sameConsoleLine(blocked(chromium156), other)).toBe(false);
  });

  it('refuses any other pair of different lines, or a missing one', () => {
    expect(sameConsoleLine('No header.', 'No headers.')).toBe(false);
    expect(sameConsoleLine(blocked(chromium156), undefined)).toBe(false);
    expect(sameConsoleLine(undefined, undefined)).toBe(true);
  });
});
