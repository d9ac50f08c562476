import { describe, expect, it } from 'vitest';
import { browserRequest, FetchTypeError, serializeOrigin } from '../../src/cors/browser-request.js';

const base = { url: 'http://127.0.0.1:3100/prod/', origin: 'http://localhost:5173' };

describe('browserRequest', () => {
  it("throws fetch()'s own TypeError for a method, URL or header it refuses", () => {
    const message = (input: object) => {
      try {
        browserRequest({ ...base, ...input });
        return 'no error';
      } catch (error) {
        expect(error).toBeInstanceOf(FetchTypeError);
        return (error as Error).message;
      }
    };
    expect(message({ method: 'trace' })).toBe(
      "Failed to execute 'fetch' on 'Window': 'trace' HTTP method is unsupported.",
    );
    expect(message({ method: 'GET POST' })).toBe(
      "Failed to execute 'fetch' on 'Window': 'GET POST' is not a valid HTTP method.",
    );
    expect(message({ body: 'x' })).toBe(
      "Failed to execute 'fetch' on 'Window': Request with GET/HEAD method cannot have body.",
    );
    expect(message({ headers: [['X Bad', '1']] })).toBe(
      "Failed to execute 'fetch' on 'Window': Invalid name",
    );
    expect(message({ url: 'http://user:pw@127.0.0.1/' })).toContain('includes credentials');
  });

  it('drops forbidden headers, trims values and joins a repeated name', () => {
    const request = browserRequest({
      ...base,
      headers: [
        ['Cookie', 'a=b'],
        ['X-Api-Key', ' a '],
        ['x-api-key', 'b'],
      ],
    });
    expect(request.headers).toEqual([['x-api-key', 'a, b']]);
    expect(request.dropped).toEqual(['Cookie']);
  });

  it('gives a string body the Content-Type fetch() gives it, unless one is set', () => {
    expect(browserRequest({ ...base, method: 'post', body: 'x' }).headers).toEqual([
      ['content-type', 'text/plain;charset=UTF-8'],
    ]);
    expect(
      browserRequest({ ...base, method: 'POST', body: '{}', headers: [['Content-Type', 'application/json']] })
        .headers,
    ).toEqual([['content-type', 'application/json']]);
  });

  it('defaults to GET and the same-origin credentials mode', () => {
    const request = browserRequest(base);
    expect([request.method, request.credentials]).toEqual(['GET', 'same-origin']);
  });
});

describe('serializeOrigin', () => {
  it('serializes an origin as browsers send it', () => {
    expect(serializeOrigin('HTTP://LocalHost:80')).toBe('http://localhost');
    expect(serializeOrigin('https://app.example.com/')).toBe('https://app.example.com');
  });

  it('refuses a URL with a path, quoting the value and the origin meant', () => {
    expect(() => serializeOrigin('https://app.example.com/page')).toThrow(
      'did you mean https://app.example.com?',
    );
    expect(() => serializeOrigin('app.example.com')).toThrow('"app.example.com" is not an origin');
  });
});
