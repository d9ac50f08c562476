import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpProxyEventV2 } from '../../src/http/payload-v2-event.js';
import { serveArticleHttpApi } from './fixtures/article-http-api.js';

describe('an HTTP API with the CORS configuration of the article (every origin, every method)', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await serveArticleHttpApi());
  });

  describe('the payload 2.0 event', () => {
    it('names the route, the raw path and query, and decodes path parameters', async () => {
      const response = await request(`${url}echo/a%20b?x=1&x=2&y=%C3%A9&z`);
      const event = (await response.body.json()) as HttpProxyEventV2;

      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'GET /echo/{id}',
        rawPath: '/echo/a%20b',
        rawQueryString: 'x=1&x=2&y=%C3%A9&z',
        queryStringParameters: { x: '1,2', y: 'é', z: '' },
        pathParameters: { id: 'a b' },
        isBase64Encoded: false,
      });
    });

    it('lower-cases header names, joins repeated headers with commas and moves cookies out', async () => {
      const response = await request(`${url}echo/1`, {
        headers: ['X-Custom', 'one', 'x-custom', 'two', 'Cookie', 'a=1; b=2', 'User-Agent', 'tests/1.0'],
      });
      const event = (await response.body.json()) as HttpProxyEventV2;

      expect(event.headers['x-custom']).toBe('one,two');
      expect(event.headers.cookie).toBeUndefined();
      expect(event.cookies).toEqual(['a=1', 'b=2']);
      expect(event.requestContext.http.userAgent).toBe('tests/1.0');
      expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
    });

    it('adds the forwarding headers and a trace ID, as API Gateway does', async () => {
      const event = (await (await request(`${url}echo/1`)).body.json()) as HttpProxyEventV2;

      expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(event.headers['x-forwarded-proto']).toBe('http');
      expect(event.headers['x-forwarded-port']).toBe(new URL(url).port);
      expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0$/);
    });

    it('leaves out what the request does not have, rather than sending null', async () => {
      const event = (await (await request(`${url}echo/1`)).body.json()) as HttpProxyEventV2;

      for (const key of ['cookies', 'queryStringParameters', 'body', 'stageVariables']) {
        expect(Object.hasOwn(event, key), key).toBe(false);
      }
      expect(event.rawQueryString).toBe('');
    });

    it('carries a request context whose requestId is the apigw-requestid of the response', async () => {
      const response = await request(`${url}echo/1`);
      const event = (await response.body.json()) as HttpProxyEventV2;

      expect(event.requestContext).toMatchObject({
        accountId: '123456789012',
        http: { method: 'GET', path: '/echo/1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
        routeKey: 'GET /echo/{id}',
        stage: '$default',
        domainName: new URL(url).host,
      });
      expect(event.requestContext.requestId).toBe(response.headers['apigw-requestid']);
      expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
      expect(typeof event.requestContext.timeEpoch).toBe('number');
    });

    it('passes a JSON body as text and a binary body in base64', async () => {
      const text = await request(`${url}files/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      const binary = await request(`${url}files/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from([0, 1, 2, 255]),
      });

      expect((await text.body.json()) as object).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
      expect((await binary.body.json()) as object).toMatchObject({ body: 'AAEC/w==', isBase64Encoded: true });
    });
  });
});
