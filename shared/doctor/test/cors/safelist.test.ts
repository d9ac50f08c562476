import { describe, expect, it } from 'vitest';
import {
  accessControlRequestHeaders,
  corsUnsafeRequestHeaderNames,
  isForbiddenRequestHeader,
  isSafelistedContentType,
  isSafelistedRequestHeader,
  normalizeMethod,
} from '../../src/cors/safelist.js';

describe('normalizeMethod', () => {
  it('upper-cases the six methods fetch() normalizes and keeps any other as written', () => {
    expect(['put', 'Delete', 'get', 'options'].map(normalizeMethod)).toEqual([
      'PUT',
      'DELETE',
      'GET',
      'OPTIONS',
    ]);
    expect(['patch', 'Purge'].map(normalizeMethod)).toEqual(['patch', 'Purge']);
  });
});

describe('isForbiddenRequestHeader', () => {
  it('forbids the headers a browser sets itself, Proxy- and Sec- headers, and User-Agent as Chromium does', () => {
    for (const name of [
      'Cookie',
      'Origin',
      'user-agent',
      'Sec-Fetch-Mode',
      'Proxy-Authorization',
      'DNT',
      'Set-Cookie',
    ]) {
      expect(isForbiddenRequestHeader(name, 'x'), name).toBe(true);
    }
    expect(isForbiddenRequestHeader('Authorization', 'x')).toBe(false);
    expect(isForbiddenRequestHeader('Access-Control-Request-Private-Network', 'true')).toBe(false);
  });

  it('forbids a method-override header only when it names a forbidden method', () => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'GET, trace')).toBe(true);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT')).toBe(false);
  });
});

describe('isSafelistedContentType', () => {
  it('takes the media type before the first semicolon, in any case', () => {
    expect(isSafelistedContentType('TEXT/PLAIN')).toBe(true);
    expect(isSafelistedContentType('text/plain ;charset=utf-8')).toBe(true);
    expect(isSafelistedContentType('multipart/form-data; boundary=x')).toBe(true);
  });

  it('refuses other types, two types, and values with a byte the standard excludes', () => {
    expect(isSafelistedContentType('application/json')).toBe(false);
    expect(isSafelistedContentType('text/plain, application/json')).toBe(false);
    expect(isSafelistedContentType('text/plain; charset="utf-8"')).toBe(false);
  });
});

describe('isSafelistedRequestHeader', () => {
  it('limits each value to 128 bytes', () => {
    expect(isSafelistedRequestHeader('Accept', 'a'.repeat(128))).toBe(true);
    expect(isSafelistedRequestHeader('Accept', 'a'.repeat(129))).toBe(false);
  });

  it("follows Chromium's additions: client hints with numbers, Save-Data: on, Intervention, a single Range", () => {
    expect(isSafelistedRequestHeader('DPR', '2.5')).toBe(true);
    expect(isSafelistedRequestHeader('DPR', 'high')).toBe(false);
    expect(isSafelistedRequestHeader('Save-Data', 'ON')).toBe(true);
    expect(isSafelistedRequestHeader('Save-Data', 'off')).toBe(false);
    expect(isSafelistedRequestHeader('Intervention', '<anything>')).toBe(true);
    expect(isSafelistedRequestHeader('Range', 'bytes=0-99')).toBe(true);
    expect(isSafelistedRequestHeader('Range', 'bytes=0-1,5-9')).toBe(false);
    expect(isSafelistedRequestHeader('Range', 'bytes=9-1')).toBe(false);
  });

  it('accepts language values made of letters, digits and the few punctuation marks allowed', () => {
    expect(isSafelistedRequestHeader('Content-Language', 'de-DE, en;q=0.5')).toBe(true);
    expect(isSafelistedRequestHeader('Accept-Language', 'en_US')).toBe(false);
  });
});

describe('corsUnsafeRequestHeaderNames', () => {
  it('lists the headers that need consent, lower case, and never a forbidden one', () => {
    expect(
      corsUnsafeRequestHeaderNames([
        ['X-Api-Key', 'k'],
        ['Accept', 'text/html'],
        ['Cookie', 'a=b'],
        ['Content-Type', 'application/json'],
      ]),
    ).toEqual(['x-api-key', 'content-type']);
  });

  it('counts the safelisted headers as unsafe once their values exceed 1024 bytes together', () => {
    const nine = [
      'Accept',
      'Accept-Language',
      'Content-Language',
      'Intervention',
      'DPR',
      'Width',
      'Viewport-Width',
      'Device-Memory',
    ];
    const headers = nine.map(
      (name) =>
        [
          name,
          name === 'Accept' || name.includes('Language') || name === 'Intervention'
            ? 'a'.repeat(128)
            : '1'.repeat(128),
        ] as const,
    );
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual([]);
    expect(corsUnsafeRequestHeaderNames([...headers, ['Range', 'bytes=0-1']])).toHaveLength(9);
  });
});

describe('accessControlRequestHeaders', () => {
  it('sorts the names and joins them with a bare comma, as Chromium writes the header', () => {
    expect(
      accessControlRequestHeaders([
        ['X-B', '1'],
        ['x-a', '1'],
        ['Content-Type', 'application/json'],
      ]),
    ).toBe('content-type,x-a,x-b');
  });

  it('is absent when nothing needs consent', () => {
    expect(accessControlRequestHeaders([['Accept', 'text/html']])).toBeUndefined();
  });
});
