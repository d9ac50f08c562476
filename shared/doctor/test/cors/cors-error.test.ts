import { describe, expect, it } from 'vitest';
import { chromiumReason, consoleMessage, isPreflightError } from '../../src/cors/cors-error.js';

describe('chromiumReason', () => {
  it("prefixes the preflight's own errors as Chromium does", () => {
    expect(chromiumReason({ corsError: 'PreflightInvalidStatus', failedParameter: '' })).toBe(
      "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    );
    expect(chromiumReason({ corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' })).toBe(
      'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    );
  });

  it('adds the advice Chromium adds to a wrong Access-Control-Allow-Origin value', () => {
    expect(chromiumReason({ corsError: 'AllowOriginMismatch', failedParameter: 'https://a.example' })).toBe(
      "The 'Access-Control-Allow-Origin' header has a value 'https://a.example' that is not equal to the supplied origin. Have the server send the header with a valid value.",
    );
  });
});

describe('isPreflightError', () => {
  it('tells the errors of the preflight from those of the response', () => {
    expect(
      ['PreflightMissingAllowOriginHeader', 'HeaderDisallowedByPreflightResponse'].every((name) =>
        isPreflightError(name as never),
      ),
    ).toBe(true);
    expect(isPreflightError('MissingAllowOriginHeader')).toBe(false);
  });
});

describe('consoleMessage', () => {
  it('names the URL that was refused and, after a redirect, the one the page fetched', () => {
    expect(consoleMessage('R', 'http://b/x', 'http://a/x', 'http://o')).toBe(
      "Access to fetch at 'http://b/x' (redirected from 'http://a/x') from origin 'http://o' has been blocked by CORS policy: R",
    );
    expect(consoleMessage('R', 'http://a/x', 'http://a/x', 'http://o')).toBe(
      "Access to fetch at 'http://a/x' from origin 'http://o' has been blocked by CORS policy: R",
    );
  });
});
