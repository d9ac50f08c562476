import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveArticleHttpApi } from './fixtures/article-http-api.js';

describe('an HTTP API with the CORS configuration of the article (every origin, every method)', () => {
  let url: string;
  let log: string[];

  beforeAll(async () => {
    ({ url, log } = await serveArticleHttpApi());
  });

  const shapes = async (result: unknown, headers: Record<string, string> = {}) => {
    const response = await request(`${url}shapes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(result),
    });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  };

  describe('what the function returns (payload 2.0)', () => {
    it('sends a result without statusCode as a JSON 200: an object as its JSON text', async () => {
      const { status, headers, body } = await shapes({ message: 'hi' });

      expect(status).toBe(200);
      expect(headers['content-type']).toBe('application/json');
      expect(body).toBe('{"message":"hi"}');
    });

    it('sends a string result without its JSON quotes', async () => {
      const { headers, body } = await shapes('Hello from Lambda!');

      expect(headers['content-type']).toBe('application/json');
      expect(body).toBe('Hello from Lambda!');
    });

    it('sends null for a function that returns nothing', async () => {
      const response = await request(`${url}nothing`);

      expect(response.statusCode).toBe(200);
      expect(await response.body.text()).toBe('null');
    });

    it('turns each cookie into its own set-cookie header, and keeps the status and headers', async () => {
      const { status, headers, body } = await shapes({
        statusCode: 201,
        headers: { 'Content-Type': 'application/json', 'X-Total': 3, 'X-Flag': true },
        cookies: ['a=1; Path=/', 'b=2'],
        body: '[]',
      });

      expect(status).toBe(201);
      expect(headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2']);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-total']).toBe('3');
      expect(headers['x-flag']).toBe('true');
      expect(body).toBe('[]');
    });

    it('decodes a body marked isBase64Encoded', async () => {
      const { body } = await shapes({
        statusCode: 200,
        isBase64Encoded: true,
        body: Buffer.from('binary!').toString('base64'),
      });

      expect(body).toBe('binary!');
    });

    it('accepts a statusCode written as a string of digits', async () => {
      const { status } = await shapes({ statusCode: '202' });

      expect(status).toBe(202);
    });

    it.each([
      ['a statusCode that is not a number', { statusCode: 'ok' }],
      ['a statusCode out of range', { statusCode: 99 }],
      ['a body that is not a string', { statusCode: 200, body: { a: 1 } }],
      ['headers that are not an object', { statusCode: 200, headers: ['a'] }],
      ['a header whose value is an object', { statusCode: 200, headers: { a: { b: 1 } } }],
      ['cookies that are not strings', { statusCode: 200, cookies: [1] }],
    ])('answers %s with 500 Internal Server Error', async (_name, result) => {
      const { status, headers, body } = await shapes(result);

      expect(status).toBe(500);
      expect(headers['content-type']).toBe('application/json');
      expect(body).toBe('{"message":"Internal Server Error"}');
      expect(log.some((line) => line.includes('malformed result for payload format 2.0'))).toBe(true);
    });
  });
});
