import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../src/cors/access-check.js';

const ORIGIN = 'http://localhost:5173';
const check = (headers: Array<[string, string]>, include = false, preflight = false) =>
  checkAccess(headers, ORIGIN, include, preflight);

describe('checkAccess', () => {
  it('passes an exact origin, and * without credentials', () => {
    expect(check([['Access-Control-Allow-Origin', ORIGIN]])).toBeUndefined();
    expect(check([['access-control-allow-origin', '*']])).toBeUndefined();
  });

  it('refuses a missing header, naming the preflight variant for a preflight', () => {
    expect(check([])).toEqual({ corsError: 'MissingAllowOriginHeader', failedParameter: '' });
    expect(check([], false, true)).toEqual({
      corsError: 'PreflightMissingAllowOriginHeader',
      failedParameter: '',
    });
  });

  it('tells a list or a repeated header from a mismatch and from an invalid value', () => {
    expect(
      check([
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Origin', ORIGIN],
      ])?.corsError,
    ).toBe('MultipleAllowOriginValues');
    expect(check([['Access-Control-Allow-Origin', `${ORIGIN}/`]])).toEqual({
      corsError: 'AllowOriginMismatch',
      failedParameter: `${ORIGIN}/`,
    });
    expect(check([['Access-Control-Allow-Origin', 'null']])?.corsError).toBe('AllowOriginMismatch');
    expect(check([['Access-Control-Allow-Origin', 'localhost']])?.corsError).toBe('InvalidAllowOriginValue');
    expect(check([['Access-Control-Allow-Origin', 'not an origin']])?.corsError).toBe(
      'MultipleAllowOriginValues',
    );
  });

  it('compares origins as strings, after trimming spaces and tabs', () => {
    expect(check([['Access-Control-Allow-Origin', 'HTTP://LOCALHOST:5173']])?.corsError).toBe(
      'AllowOriginMismatch',
    );
    expect(check([['Access-Control-Allow-Origin', `${ORIGIN}\t`]])).toBeUndefined();
  });

  it('refuses * with credentials, and wants Access-Control-Allow-Credentials: true exactly', () => {
    expect(check([['Access-Control-Allow-Origin', '*']], true)?.corsError).toBe('WildcardOriginNotAllowed');
    expect(check([['Access-Control-Allow-Origin', ORIGIN]], true)).toEqual({
      corsError: 'InvalidAllowCredentials',
      failedParameter: '',
    });
    expect(
      check(
        [
          ['Access-Control-Allow-Origin', ORIGIN],
          ['Access-Control-Allow-Credentials', 'True'],
        ],
        true,
      )?.failedParameter,
    ).toBe('True');
    expect(
      check(
        [
          ['Access-Control-Allow-Origin', ORIGIN],
          ['Access-Control-Allow-Credentials', 'true'],
        ],
        true,
      ),
    ).toBeUndefined();
  });

  it('matches the null origin a redirect to another origin leaves', () => {
    expect(checkAccess([['Access-Control-Allow-Origin', 'null']], 'null', false, false)).toBeUndefined();
  });
});
