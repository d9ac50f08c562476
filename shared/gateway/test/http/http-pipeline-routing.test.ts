import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { corsHeaders } from '../support/cors-headers.js';
import { REQUEST_ID, serveArticleHttpApi } from './fixtures/article-http-api.js';

describe('an HTTP API with the CORS configuration of the article (every origin, every method)', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await serveArticleHttpApi());
  });

  describe('routing', () => {
    it('answers an unmatched request with 404 {"message":"Not Found"} and no CORS header', async () => {
      const response = await request(`${url}nothing/here`, { headers: { origin: 'https://page.example' } });

      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['apigw-requestid']).toMatch(REQUEST_ID);
      expect(corsHeaders(response.headers)).toEqual({});
      expect(await response.body.text()).toBe('{"message":"Not Found"}');
    });

    it('answers a method the path has no route for with 404', async () => {
      const response = await request(url, { method: 'DELETE' });
      await response.body.dump();

      expect(response.statusCode).toBe(404);
    });
  });
});
