import { describe, expect, it } from 'vitest';
import { headerInLessonTerms, requestInLessonTerms } from '../src/lesson-terms.js';

describe('requestInLessonTerms', () => {
  it('names the method and the path below the invoke URL', () => {
    expect(requestInLessonTerms({ method: 'GET' })).toBe('`GET /`');
    expect(requestInLessonTerms({ method: 'PUT', path: 'items/milk' })).toBe('`PUT /items/milk`');
  });

  it("adds the page's origin when the request sends one, whatever the case of the header", () => {
    expect(
      requestInLessonTerms({ method: 'OPTIONS', path: 'greeting', headers: { origin: 'https://a.example' } }),
    ).toBe('`OPTIONS /greeting` from `https://a.example`');
  });
});

describe('headerInLessonTerms', () => {
  it('capitalizes each word of a lower-case name', () => {
    expect(headerInLessonTerms('access-control-allow-origin')).toBe('Access-Control-Allow-Origin');
  });

  it('keeps the spelling the server sent', () => {
    expect(headerInLessonTerms('x-amzn-requestid', ['Content-Type', 'x-amzn-RequestId'])).toBe(
      'x-amzn-RequestId',
    );
  });

  it('capitalizes a name the server sent in lower case, as HTTP APIs do', () => {
    expect(headerInLessonTerms('access-control-allow-origin', ['access-control-allow-origin'])).toBe(
      'Access-Control-Allow-Origin',
    );
  });
});
