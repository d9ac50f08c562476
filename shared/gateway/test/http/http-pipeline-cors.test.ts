import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpProxyEventV2 } from '../../src/http/payload-v2-event.js';
import { corsHeaders } from '../support/cors-headers.js';
import { REQUEST_ID, serveArticleHttpApi } from './fixtures/article-http-api.js';

describe('an HTTP API with the CORS configuration of the article (every origin, every method)', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await serveArticleHttpApi());
  });

  describe('the transcript of the article', () => {
    it('answers OPTIONS without an Origin with a bare 204: no CORS header, no content type, no body', async () => {
      const response = await request(url, { method: 'OPTIONS' });

      expect(response.statusCode).toBe(204);
      expect(corsHeaders(response.headers)).toEqual({});
      expect(response.headers['content-type']).toBeUndefined();
      expect(response.headers['apigw-requestid']).toMatch(REQUEST_ID);
      expect(await response.body.text()).toBe('');
    });

    it('answers GET without an Origin with text/plain, 14 bytes and no Allow-Origin', async () => {
      const response = await request(url);

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.headers['content-length']).toBe('14');
      expect(corsHeaders(response.headers)).toEqual({});
      expect(await response.body.text()).toBe('{"state":"ok"}');
    });

    it('adds access-control-allow-origin: * once the request has an Origin', async () => {
      const response = await request(url, { headers: { origin: 'https://page.example' } });
      await response.body.dump();

      expect(corsHeaders(response.headers)).toEqual({ 'access-control-allow-origin': '*' });
    });

    it('gives each response a new apigw-requestid and no x-amzn-RequestId', async () => {
      const first = await request(url);
      const second = await request(url);
      await first.body.dump();
      await second.body.dump();

      expect(first.headers['apigw-requestid']).toMatch(REQUEST_ID);
      expect(first.headers['apigw-requestid']).not.toBe(second.headers['apigw-requestid']);
      expect(first.headers['x-amzn-requestid']).toBeUndefined();
    });
  });

  describe('CORS headers set by the function', () => {
    it('drops them when the request has no Origin, and keeps the other headers', async () => {
      const response = await request(`${url}own-cors`);

      expect(corsHeaders(response.headers)).toEqual({});
      expect(response.headers['x-kept']).toBe('yes');
      expect(await response.body.text()).toBe('mine');
    });

    it("replaces them with the configuration's when the request has an Origin", async () => {
      const response = await request(`${url}own-cors`, { headers: { origin: 'https://page.example' } });
      await response.body.dump();

      expect(corsHeaders(response.headers)).toEqual({ 'access-control-allow-origin': '*' });
    });
  });

  describe('preflights, answered by the gateway itself', () => {
    it('answers a preflight for a path without any route with 204 and the configured headers', async () => {
      const response = await request(`${url}no/route/here`, {
        method: 'OPTIONS',
        headers: { origin: 'https://page.example', 'access-control-request-method': 'DELETE' },
      });

      expect(response.statusCode).toBe(204);
      expect(corsHeaders(response.headers)).toEqual({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': '*',
      });
      expect(await response.body.text()).toBe('');
    });

    it('answers a preflight for a route that takes OPTIONS itself, without calling the function', async () => {
      const response = await request(`${url}files/a.txt`, {
        method: 'OPTIONS',
        headers: { origin: 'https://page.example', 'access-control-request-method': 'PUT' },
      });

      expect(response.statusCode).toBe(204);
      expect(await response.body.text()).toBe('');
    });

    it('sends an OPTIONS request without preflight headers to the route that takes it', async () => {
      const response = await request(`${url}files/a.txt`, {
        method: 'OPTIONS',
        headers: { origin: 'https://page.example' },
      });
      const event = (await response.body.json()) as HttpProxyEventV2;

      expect(response.statusCode).toBe(200);
      expect(event.routeKey).toBe('ANY /files/{path+}');
      expect(response.headers['access-control-allow-origin']).toBe('*');
    });
  });
});
