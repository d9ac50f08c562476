import { describe, expect, it } from 'vitest';
import { interpretResultV2 } from '../../src/http/payload-v2-response.js';

const interpret = (result: unknown) => interpretResultV2(JSON.stringify(result));

describe('interpretResultV2', () => {
  it("labels the article's structured result text/plain; charset=utf-8", () => {
    expect(interpret({ statusCode: 200, body: JSON.stringify({ state: 'ok' }) })).toEqual({
      status: 200,
      headers: [['content-type', 'text/plain; charset=utf-8']],
      body: '{"state":"ok"}',
    });
  });

  it('keeps a content type given in any case, and lower-cases every header name', () => {
    const answer = interpret({
      statusCode: 200,
      headers: { 'Content-Type': 'text/html', 'X-Thing': 'a' },
      body: '<p>',
    });

    expect(answer).toEqual({
      status: 200,
      headers: [
        ['content-type', 'text/html'],
        ['x-thing', 'a'],
      ],
      body: '<p>',
    });
  });

  it('joins headers whose names differ only in case, and drops the framing headers', () => {
    const answer = interpret({
      statusCode: 200,
      headers: { 'X-A': '1', 'x-a': '2', 'Content-Length': '999', 'Transfer-Encoding': 'chunked' },
    });

    expect(answer).toMatchObject({
      headers: [
        ['content-type', 'text/plain; charset=utf-8'],
        ['x-a', '1,2'],
      ],
    });
  });

  it('puts the cookies first, each as its own set-cookie, before a set-cookie of headers', () => {
    const answer = interpret({ statusCode: 204, cookies: ['a=1', 'b=2'], headers: { 'Set-Cookie': 'c=3' } });

    expect(answer).toMatchObject({
      headers: [
        ['content-type', 'text/plain; charset=utf-8'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['set-cookie', 'c=3'],
      ],
      body: '',
    });
  });

  it('sends an empty body for a missing or null body', () => {
    expect(interpret({ statusCode: 200 })).toMatchObject({ body: '' });
    expect(interpret({ statusCode: 200, body: null })).toMatchObject({ body: '' });
  });

  it('ignores members it does not know', () => {
    expect(
      interpret({ statusCode: 418, body: 'x', multiValueHeaders: { a: ['b'] }, extra: 1 }),
    ).toMatchObject({ status: 418, body: 'x' });
  });

  it.each([
    ['an object', { message: 'hi' }, '{"message":"hi"}'],
    ['an array', [1, 2], '[1,2]'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['a string', 'Hello from Lambda!', 'Hello from Lambda!'],
  ])('sends %s without statusCode as a JSON 200 body', (_name, result, body) => {
    expect(interpret(result)).toEqual({ status: 200, headers: [['content-type', 'application/json']], body });
  });

  it('treats an object whose statusCode member is missing as data, even with a body member', () => {
    expect(interpret({ body: 'x' })).toMatchObject({ status: 200, body: '{"body":"x"}' });
  });

  it.each([
    ['statusCode null', { statusCode: null }, 'statusCode must be an integer from 200 to 599, got null'],
    ['statusCode 600', { statusCode: 600 }, 'got 600'],
    ['statusCode 200.5', { statusCode: 200.5 }, 'got 200.5'],
    ['a numeric body', { statusCode: 200, body: 5 }, 'body must be a string, got 5'],
    [
      'cookies as a string',
      { statusCode: 200, cookies: 'a=1' },
      'cookies must be a list of strings, got "a=1"',
    ],
    ['a header list', { statusCode: 200, headers: [['a', 'b']] }, 'headers must be an object'],
    [
      'a null header value',
      { statusCode: 200, headers: { a: null } },
      'header "a" must be a string, number or boolean, got null',
    ],
  ])('reports %s as malformed, quoting the value', (_name, result, reason) => {
    const answer = interpret(result);

    expect(answer).toMatchObject({ malformed: true });
    expect((answer as { reason: string }).reason).toContain(reason);
  });
});
