import { describe, expect, it } from 'vitest';
import { proxyAnswer, restProxyAnswer } from '../../src/rest/proxy-response.js';

const answer = (result: unknown, accept?: string, binary: string[] = []) =>
  proxyAnswer(JSON.stringify(result), accept, binary);

describe('proxyAnswer', () => {
  it('accepts null headers', () => {
    expect(answer({ statusCode: 200, headers: null, body: 'x' })?.status).toBe(200);
  });

  it('renders boolean header values as text', () => {
    expect(answer({ headers: { 'x-flag': true } })?.headers).toContainEqual(['x-flag', 'true']);
  });

  it('keeps a Content-Type the handler set instead of the default', () => {
    const headers = answer({ headers: { 'content-type': 'text/html' } })?.headers ?? [];
    expect(headers.filter(([name]) => name.toLowerCase() === 'content-type')).toEqual([
      ['content-type', 'text/html'],
    ]);
  });

  it('refuses multiValueHeaders values that are not lists', () => {
    expect(answer({ multiValueHeaders: { a: 'b' } })).toBeUndefined();
  });

  it('refuses a body that is not a string', () => {
    expect(answer({ body: { state: 'ok' } })).toBeUndefined();
  });

  it('refuses a status code outside 100–599', () => {
    expect(answer({ statusCode: 99 })).toBeUndefined();
    expect(answer({ statusCode: 600 })).toBeUndefined();
  });

  it('returns base64 text unless Accept matches a binary media type', () => {
    const encoded = Buffer.from('png!').toString('base64');
    expect(answer({ body: encoded, isBase64Encoded: true }, 'image/png')?.body).toBe(encoded);
    expect(answer({ body: encoded, isBase64Encoded: true }, 'image/png', ['image/*'])?.body).toEqual(
      Buffer.from('png!'),
    );
  });
});

describe('restProxyAnswer', () => {
  const rest = (result: unknown, accept?: string, binary: string[] = []) =>
    restProxyAnswer(JSON.stringify(result), accept, binary);

  it('sends reserved result headers as x-amzn-Remapped-<name> and drops Transfer-Encoding', () => {
    const answer = rest({
      headers: { Server: 'lambda', 'Content-Length': '3', 'Transfer-Encoding': 'chunked', 'X-A': 'a' },
    });
    expect(answer).toMatchObject({
      headers: [
        ['Content-Type', 'application/json'],
        ['x-amzn-Remapped-Server', 'lambda'],
        ['x-amzn-Remapped-Content-Length', '3'],
        ['X-A', 'a'],
      ],
    });
  });

  it('decodes for the first Accept entry only', () => {
    const encoded = Buffer.from('png!').toString('base64');
    expect(
      rest({ body: encoded, isBase64Encoded: true }, 'image/png, text/html', ['image/png']),
    ).toMatchObject({
      body: Buffer.from('png!'),
    });
    expect(
      rest({ body: encoded, isBase64Encoded: true }, 'text/html, image/png', ['image/png']),
    ).toMatchObject({
      body: encoded,
    });
  });

  it('says so when a body to decode is not valid base64, and when the result is malformed', () => {
    expect(rest({ body: 'èé+à)(', isBase64Encoded: true }, 'image/png', ['image/png'])).toBe(
      'invalid-base64',
    );
    expect(rest({ statusCode: 200, extra: 1 })).toBe('malformed');
  });
});
