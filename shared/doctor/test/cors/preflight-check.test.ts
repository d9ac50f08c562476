import { describe, expect, it } from 'vitest';
import { checkPreflight, isRedirect, type PreflightQuestion } from '../../src/cors/preflight-check.js';

const ORIGIN = 'http://localhost:5173';
const ask = (overrides: Partial<PreflightQuestion> = {}): PreflightQuestion => ({
  method: 'PUT',
  unsafeHeaders: [],
  origin: ORIGIN,
  includeCredentials: false,
  ...overrides,
});
const allowAll: Array<[string, string]> = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Allow-Methods', '*'],
  ['Access-Control-Allow-Headers', '*'],
];

describe('checkPreflight', () => {
  it('refuses a redirect before anything else', () => {
    expect(checkPreflight(307, [...allowAll, ['Location', '/x']], ask()).error?.corsError).toBe(
      'PreflightDisallowedRedirect',
    );
  });

  it('checks the origin before the status, as Chromium does', () => {
    expect(checkPreflight(403, [], ask()).error?.corsError).toBe('PreflightMissingAllowOriginHeader');
    expect(checkPreflight(403, allowAll, ask()).error?.corsError).toBe('PreflightInvalidStatus');
    expect(checkPreflight(299, allowAll, ask()).error).toBeUndefined();
  });

  it('refuses a list that is not made of tokens, methods first', () => {
    const headers: Array<[string, string]> = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PUT "DELETE"'],
      ['Access-Control-Allow-Headers', 'a b'],
    ];
    expect(checkPreflight(204, headers, ask()).error?.corsError).toBe('InvalidAllowMethodsPreflightResponse');
  });

  it('compares methods case-sensitively and never needs GET, HEAD or POST listed', () => {
    const headers: Array<[string, string]> = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PATCH'],
    ];
    expect(checkPreflight(204, headers, ask({ method: 'patch' })).error).toEqual({
      corsError: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'patch',
    });
    expect(checkPreflight(204, headers, ask({ method: 'POST' })).error).toBeUndefined();
  });

  it('treats * as a wildcard only without credentials', () => {
    const credentialed: Array<[string, string]> = [...allowAll, ['Access-Control-Allow-Credentials', 'true']];
    credentialed[0] = ['Access-Control-Allow-Origin', ORIGIN];
    expect(checkPreflight(204, allowAll, ask({ unsafeHeaders: ['x-a'] })).error).toBeUndefined();
    expect(checkPreflight(204, credentialed, ask({ includeCredentials: true })).error?.corsError).toBe(
      'MethodDisallowedByPreflightResponse',
    );
    expect(
      checkPreflight(
        204,
        credentialed,
        ask({ method: 'GET', unsafeHeaders: ['x-a'], includeCredentials: true }),
      ).error?.corsError,
    ).toBe('HeaderDisallowedByPreflightResponse');
  });

  it('lets Authorization through *, as Chromium does, and says so', () => {
    const verdict = checkPreflight(204, allowAll, ask({ unsafeHeaders: ['authorization'] }));
    expect(verdict.error).toBeUndefined();
    expect(verdict.authorizationByWildcard).toBe(true);
  });

  it('lists every refused header and names the first in alphabetical order', () => {
    const headers: Array<[string, string]> = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', 'X-Api-Key'],
    ];
    const verdict = checkPreflight(
      204,
      headers,
      ask({ method: 'GET', unsafeHeaders: ['x-trace', 'x-api-key', 'x-debug'] }),
    );
    expect(verdict.refusedHeaders).toEqual(['x-trace', 'x-debug']);
    expect(verdict.error?.failedParameter).toBe('x-debug');
  });

  it('reads Access-Control-Max-Age, capped at two hours, five seconds by default', () => {
    const withAge = (value: string) =>
      checkPreflight(204, [...allowAll, ['Access-Control-Max-Age', value]], ask()).maxAgeSeconds;
    expect(withAge('600')).toBe(600);
    expect(withAge('86400')).toBe(7200);
    expect(withAge('soon')).toBe(5);
    expect(checkPreflight(204, allowAll, ask()).maxAgeSeconds).toBe(5);
  });
});

describe('isRedirect', () => {
  it('follows 301, 302, 303, 307 and 308 with a Location, never 300', () => {
    for (const status of [301, 302, 303, 307, 308])
      expect(isRedirect(status, [['Location', '/x']])).toBe(true);
    expect(isRedirect(300, [['Location', '/x']])).toBe(false);
    expect(isRedirect(302, [])).toBe(false);
  });
});
