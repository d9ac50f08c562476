import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { corsHeaders } from '../support/cors-headers.js';
import { REQUEST_ID, serveArticleHttpApi } from './fixtures/article-http-api.js';

describe('an HTTP API with the CORS configuration of the article (every origin, every method)', () => {
  let url: string;
  let log: string[];

  beforeAll(async () => {
    ({ url, log } = await serveArticleHttpApi());
  });

  describe('failures', () => {
    it.each([
      ['a handler that throws', 'throw'],
      ['a handler that runs past its timeout', 'hang'],
      ['a handler that kills its environment', 'crash'],
    ])('answers %s with 500 {"message":"Internal Server Error"}', async (_name, path) => {
      const response = await request(`${url}${path}`);

      expect(response.statusCode).toBe(500);
      expect(response.headers['apigw-requestid']).toMatch(REQUEST_ID);
      expect(await response.body.text()).toBe('{"message":"Internal Server Error"}');
    });

    it('puts the CORS headers on the 500 of a failed function when the origin is allowed', async () => {
      const response = await request(`${url}throw`, { headers: { origin: 'https://page.example' } });
      await response.body.dump();

      expect(response.statusCode).toBe(500);
      expect(corsHeaders(response.headers)).toEqual({ 'access-control-allow-origin': '*' });
    });

    it('answers 503 {"message":"Service Unavailable"} when the integration times out first', async () => {
      const response = await request(`${url}slow`);

      expect(response.statusCode).toBe(503);
      expect(await response.body.text()).toBe('{"message":"Service Unavailable"}');
      expect(log.some((line) => line.includes('integration timeout of 200 ms'))).toBe(true);
    });

    it('logs why the function failed, with the request ID', async () => {
      const response = await request(`${url}throw`);
      const id = response.headers['apigw-requestid'] as string;
      await response.body.dump();

      expect(log.some((line) => line.startsWith(id) && line.includes('Error: boom'))).toBe(true);
    });
  });
});
