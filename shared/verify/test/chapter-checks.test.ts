import { describe, expect, it } from 'vitest';
import { type ChapterChecks, defineChecks } from '../src/chapter-checks.js';

const valid: ChapterChecks = {
  apis: { rest: { logicalId: 'RestApi0123', shownAs: 'http://127.0.0.1:3001/prod/' } },
  checks: [
    {
      claim: 'the preflight is answered',
      request: { method: 'OPTIONS', headers: { Origin: 'https://app.example.com' } },
      expect: { status: 204, headers: { 'access-control-allow-origin': '*' } },
    },
  ],
  masks: [{ pattern: /\d+/g, as: '<n>' }],
};

describe('defineChecks', () => {
  it('returns valid checks unchanged', () => {
    expect(defineChecks(valid)).toBe(valid);
  });

  it('refuses a chapter without an API', () => {
    expect(() => defineChecks({ ...valid, apis: {} })).toThrow('defineChecks needs at least one API');
  });

  it('refuses a shown URL that does not end with a slash, quoting it', () => {
    expect(() =>
      defineChecks({ ...valid, apis: { rest: { logicalId: 'A', shownAs: 'http://127.0.0.1:3001/prod' } } }),
    ).toThrow(
      'The shownAs URL of API "rest" must be an http(s) URL ending with "/", got "http://127.0.0.1:3001/prod"',
    );
  });

  it('refuses a check calling an API that is not declared', () => {
    const check = { ...valid.checks[0]!, request: { method: 'GET' as const, api: 'http' } };

    expect(() => defineChecks({ ...valid, checks: [check] })).toThrow(
      'The check "the preflight is answered" calls the API "http", which is not one of: rest',
    );
  });

  it('refuses a header name with a space in it', () => {
    const check = { ...valid.checks[0]!, expect: { status: 204, headers: { 'access control': true } } };

    expect(() => defineChecks({ ...valid, checks: [check] })).toThrow('names the header "access control"');
  });

  it('refuses a mask pattern without the g flag', () => {
    expect(() => defineChecks({ ...valid, masks: [{ pattern: /\d+/, as: '<n>' }] })).toThrow(
      'A transcript mask pattern must have the g flag, got /\\d+/',
    );
  });
});
