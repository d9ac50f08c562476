import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOriginMatcher, isSerializedOrigin, serializeOrigin } from '../src/origin.js';
import { originArbitrary } from './fixtures/arbitraries.js';

describe('serializeOrigin', () => {
  it('reduces a URL to the origin a browser would send', () => {
    expect(serializeOrigin('HTTPS://App.Example.com:443/path?q=1')).toBe('https://app.example.com');
    expect(serializeOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
  });

  it('gives nothing for a value without an http or https scheme', () => {
    expect(serializeOrigin('app.example.com')).toBeUndefined();
    expect(serializeOrigin('null')).toBeUndefined();
    expect(serializeOrigin('localhost:3000')).toBeUndefined();
    expect(serializeOrigin('chrome-extension://abcdef')).toBeUndefined();
  });
});

describe('isSerializedOrigin', () => {
  it.each(['https://app.example.com', 'http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000'])(
    'accepts %s',
    (origin) => {
      expect(isSerializedOrigin(origin)).toBe(true);
    },
  );

  it.each([
    ['a trailing slash', 'https://app.example.com/'],
    ['a path', 'https://app.example.com/api'],
    ['a missing scheme', 'app.example.com'],
    ['a default port', 'https://app.example.com:443'],
    ['upper case', 'https://App.example.com'],
    ['a query', 'https://app.example.com?x=1'],
    ['user info', 'https://user@app.example.com'],
    ['the opaque origin null', 'null'],
    ['a non-http scheme', 'ftp://files.example.com'],
    ['an empty string', ''],
  ])('refuses %s (%s)', (_why, value) => {
    expect(isSerializedOrigin(value)).toBe(false);
  });
});

describe('createOriginMatcher', () => {
  it('answers * to every request for a * policy, with or without an Origin', () => {
    const match = createOriginMatcher('*');
    expect(match('https://app.example.com')).toBe('*');
    expect(match(undefined)).toBe('*');
  });

  it('echoes a listed origin', () => {
    const match = createOriginMatcher(['https://a.example', 'https://b.example']);
    expect(match('https://b.example')).toBe('https://b.example');
  });

  it('answers nothing to an unlisted, near-miss or absent origin', () => {
    const match = createOriginMatcher(['https://a.example']);
    expect(match('https://evil.example')).toBeUndefined();
    expect(match('https://a.example/')).toBeUndefined();
    expect(match('http://a.example')).toBeUndefined();
    expect(match('https://a.example.evil.example')).toBeUndefined();
    expect(match('null')).toBeUndefined();
    expect(match(undefined)).toBeUndefined();
  });

  it('answers a list policy only with the request origin, and only when it is listed', () => {
    fc.assert(
      fc.property(
        fc.array(originArbitrary, { minLength: 1, maxLength: 5 }),
        fc.option(fc.oneof(originArbitrary, fc.string()), { nil: undefined }),
        (list, requestOrigin) => {
          const answer = createOriginMatcher(list)(requestOrigin);
          expect(answer).toBe(
            requestOrigin !== undefined && list.includes(requestOrigin) ? requestOrigin : undefined,
          );
        },
      ),
    );
  });
});
