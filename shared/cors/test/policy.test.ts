import { describe, expect, it } from 'vitest';
import {
  type CorsPolicyOptions,
  DEFAULT_ALLOW_HEADERS,
  DEFAULT_ALLOW_METHODS,
  resolveCorsPolicy,
} from '../src/policy.js';

describe('resolveCorsPolicy', () => {
  it('fills in the defaults', () => {
    expect(resolveCorsPolicy({ allowOrigins: ['https://app.example.com'] })).toEqual({
      allowOrigins: ['https://app.example.com'],
      allowMethods: DEFAULT_ALLOW_METHODS,
      allowHeaders: DEFAULT_ALLOW_HEADERS,
      exposeHeaders: [],
      allowCredentials: false,
      maxAge: undefined,
    });
  });

  it('keeps every option it is given', () => {
    const options: CorsPolicyOptions = {
      allowOrigins: ['https://a.example', 'http://localhost:5173'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'X-Trace-Id'],
      exposeHeaders: ['X-Request-Id'],
      allowCredentials: true,
      maxAge: 600,
    };
    expect(resolveCorsPolicy(options)).toEqual(options);
  });

  it('reads a list holding only * as the * policy', () => {
    expect(resolveCorsPolicy({ allowOrigins: ['*'] }).allowOrigins).toBe('*');
    expect(resolveCorsPolicy({ allowOrigins: '*', allowHeaders: ['*'] }).allowHeaders).toBe('*');
  });

  it('returns a frozen policy that does not share the caller’s arrays', () => {
    const origins = ['https://a.example'];
    const resolved = resolveCorsPolicy({ allowOrigins: origins });
    origins.push('https://evil.example');
    expect(resolved.allowOrigins).toEqual(['https://a.example']);
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.allowOrigins)).toBe(true);
  });

  it('refuses credentials with the * origin, because browsers reject that answer', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: '*', allowCredentials: true })).toThrow(
      /allowCredentials: true cannot be combined with allowOrigins "\*"/,
    );
    expect(() => resolveCorsPolicy({ allowOrigins: ['*'], allowCredentials: true })).toThrow(
      /allowCredentials/,
    );
  });

  it('refuses * mixed with explicit origins, quoting the list', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: ['*', 'https://a.example'] })).toThrow(
      'Invalid allowOrigins: cannot mix "*" with specific origins: ["*","https://a.example"].',
    );
  });

  it.each([
    ['a trailing slash', 'https://app.example.com/', 'https://app.example.com'],
    ['a path', 'https://app.example.com/api', 'https://app.example.com'],
    ['a missing scheme', 'app.example.com', 'https://app.example.com'],
    ['a default port', 'http://app.example.com:80', 'http://app.example.com'],
    ['upper case', 'https://APP.example.com', 'https://app.example.com'],
  ])('refuses an origin with %s, quoting it and suggesting the serialized form', (_why, bad, suggestion) => {
    expect(() => resolveCorsPolicy({ allowOrigins: ['https://ok.example', bad] })).toThrow(
      `Invalid allowOrigins entry "${bad}"`,
    );
    expect(() => resolveCorsPolicy({ allowOrigins: [bad] })).toThrow(`Did you mean "${suggestion}"?`);
  });

  it('refuses the opaque origin null and non-http schemes', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: ['null'] })).toThrow('Invalid allowOrigins entry "null"');
    expect(() => resolveCorsPolicy({ allowOrigins: ['chrome-extension://abcdef'] })).toThrow(
      'Invalid allowOrigins entry "chrome-extension://abcdef"',
    );
  });

  it('refuses an empty origin list', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: [] })).toThrow('Invalid allowOrigins []');
  });

  it('refuses * among methods and exposed headers', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: '*', allowMethods: ['*'] })).toThrow(
      'Invalid allowMethods entry "*"',
    );
    expect(() => resolveCorsPolicy({ allowOrigins: '*', exposeHeaders: ['*'] })).toThrow(
      'Invalid exposeHeaders entry "*"',
    );
  });

  it('refuses * mixed with explicit allowed headers', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: '*', allowHeaders: ['*', 'X-Custom'] })).toThrow(
      'Invalid allowHeaders: cannot mix "*" with specific headers: ["*","X-Custom"].',
    );
  });

  it('refuses names that are not HTTP tokens, quoting them', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: '*', allowHeaders: ['X Custom'] })).toThrow(
      'Invalid allowHeaders entry "X Custom"',
    );
    expect(() => resolveCorsPolicy({ allowOrigins: '*', allowMethods: ['GET,POST'] })).toThrow(
      'Invalid allowMethods entry "GET,POST"',
    );
    expect(() => resolveCorsPolicy({ allowOrigins: '*', exposeHeaders: [''] })).toThrow(
      'Invalid exposeHeaders entry ""',
    );
  });

  it('refuses an empty method list', () => {
    expect(() => resolveCorsPolicy({ allowOrigins: '*', allowMethods: [] })).toThrow(
      'Invalid allowMethods []',
    );
  });

  it('accepts a max age of 0 and refuses a negative or fractional one', () => {
    expect(resolveCorsPolicy({ allowOrigins: '*', maxAge: 0 }).maxAge).toBe(0);
    expect(() => resolveCorsPolicy({ allowOrigins: '*', maxAge: -1 })).toThrow('Invalid maxAge -1');
    expect(() => resolveCorsPolicy({ allowOrigins: '*', maxAge: 1.5 })).toThrow('Invalid maxAge 1.5');
  });
});
