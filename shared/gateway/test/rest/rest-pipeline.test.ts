import { request as httpRequest } from 'node:http';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveRestPipelineApi } from '../support/rest-pipeline-api.js';

describe('a REST API served by the local gateway', () => {
  let url: string;
  let log: string[];

  beforeAll(async () => {
    ({ url, log } = await serveRestPipelineApi());
  });

  const shapes = (result: unknown) =>
    request(`${url}shapes`, { method: 'POST', body: JSON.stringify(result) });

  describe('a CDK preflight (MOCK integration)', () => {
    it('answers 204 with exactly the mapped access-control headers and no body', async () => {
      const response = await request(url, { method: 'OPTIONS' });
      expect(response.statusCode).toBe(204);
      const cors = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
      expect(cors.sort()).toEqual([
        'access-control-allow-headers',
        'access-control-allow-methods',
        'access-control-allow-origin',
      ]);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toBe('OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD');
      expect(response.headers['content-type']).toBeUndefined();
      expect(await response.body.text()).toBe('');
    });

    it('sends x-amzn-RequestId and x-amz-apigw-id but no trace ID', async () => {
      const response = await request(url, { method: 'OPTIONS' });
      await response.body.dump();
      expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers['x-amz-apigw-id']).toMatch(/^[A-Za-z0-9+/]{15}=$/);
      expect(response.headers['x-amzn-trace-id']).toBeUndefined();
    });
  });

  describe('routing', () => {
    it.each([
      ['an unknown path', 'GET', 'nothing/here'],
      ['a method the resource lacks', 'DELETE', ''],
      ['a path outside the stage', 'GET', '../test/'],
    ])('answers %s with 403 Missing Authentication Token', async (_name, method, path) => {
      const response = await request(new URL(path, url), { method });
      expect(response.statusCode).toBe(403);
      expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(response.headers['content-type']).toBe('application/json');
      expect(await response.body.text()).toBe('{"message":"Missing Authentication Token"}');
    });

    it('fills path parameters as sent, still percent-encoded, and serves any method on a {proxy+} resource', async () => {
      const one = await request(`${url}items/a%20b`);
      expect((await one.body.json()) as object).toMatchObject({
        resource: '/items/{id}',
        pathParameters: { id: 'a%20b' },
      });
      const greedy = await request(`${url}files/x/y.txt`, { method: 'PUT', body: 'hi' });
      expect((await greedy.body.json()) as object).toMatchObject({
        resource: '/files/{proxy+}',
        httpMethod: 'PUT',
        pathParameters: { proxy: 'x/y.txt' },
        body: 'hi',
      });
    });
  });

  describe('the payload 1.0 event', () => {
    it('carries path without the stage and requestContext.path with it', async () => {
      const event = (await (await request(`${url}items/7`)).body.json()) as Record<string, any>;
      expect(event.path).toBe('/items/7');
      expect(event.requestContext.path).toBe('/prod/items/7');
      expect(event.requestContext.stage).toBe('prod');
      expect(event.requestContext.resourcePath).toBe('/items/{id}');
    });

    it('has null, not {}, for absent maps and body', async () => {
      const event = (await (await request(url)).body.json()) as Record<string, unknown>;
      expect(event.queryStringParameters).toBeNull();
      expect(event.multiValueQueryStringParameters).toBeNull();
      expect(event.pathParameters).toBeNull();
      expect(event.stageVariables).toBeNull();
      expect(event.body).toBeNull();
      expect(event.isBase64Encoded).toBe(false);
    });

    it('keeps header case and collects repeated headers and query values', async () => {
      const response = await request(`${url}?a=1&a=2&b=x%20y`, {
        headers: ['tEsT-HEADeR', 'one', 'tEsT-HEADeR', 'two'],
      });
      const event = (await response.body.json()) as Record<string, any>;
      expect(event.headers['tEsT-HEADeR']).toBe('two');
      expect(event.multiValueHeaders['tEsT-HEADeR']).toEqual(['one', 'two']);
      expect(event.queryStringParameters).toEqual({ a: '2', b: 'x y' });
      expect(event.multiValueQueryStringParameters).toEqual({ a: ['1', '2'], b: ['x y'] });
    });
  });

  describe('the proxy response', () => {
    it('defaults Content-Type to application/json and accepts a string statusCode', async () => {
      const response = await shapes({ statusCode: '201', body: 'made' });
      expect(response.statusCode).toBe(201);
      expect(response.headers['content-type']).toBe('application/json');
      expect(await response.body.text()).toBe('made');
    });

    it('answers {} with 200 and an empty body', async () => {
      const response = await shapes({});
      expect(response.statusCode).toBe(200);
      expect(await response.body.text()).toBe('');
    });

    it('merges headers and multiValueHeaders as "multi, single" with the multi-value case', async () => {
      const response = await shapes({
        headers: { 'x-thing': 'value-solo' },
        multiValueHeaders: { 'X-Thing': ['value-multi'] },
      });
      await response.body.dump();
      expect(response.headers['x-thing']).toBe('value-multi, value-solo');
      const raw = await new Promise<string[]>((resolve) => {
        const body = JSON.stringify({ headers: { 'x-thing': 'a' }, multiValueHeaders: { 'X-Thing': ['b'] } });
        const req = httpRequest(`${url}shapes`, { method: 'POST' }, (res) => {
          res.resume();
          resolve(res.rawHeaders);
        });
        req.end(body);
      });
      expect(raw).toContain('X-Thing');
    });

    it('sends the X-Amzn-Trace-Id of a backend call', async () => {
      const response = await shapes({ body: 'x' });
      await response.body.dump();
      expect(response.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0$/);
    });
  });

  describe('failures cost one request and never the gateway', () => {
    const expect502 = async (response: Awaited<ReturnType<typeof request>>) => {
      expect(response.statusCode).toBe(502);
      expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
      expect(response.headers['content-length']).toBe('36');
      expect(await response.body.text()).toBe('{"message": "Internal server error"}');
      const next = await request(url);
      expect(next.statusCode).toBe(200);
      await next.body.dump();
    };

    it('answers a result with an unknown key with 502', async () => {
      await expect502(await shapes({ statusCode: 200, body: 'x', extra: true }));
    });

    it('answers a result that is not an object with 502', async () => {
      await expect502(await shapes('justAString'));
    });

    it('answers a non-numeric statusCode with 502', async () => {
      await expect502(await shapes({ statusCode: 'ok' }));
    });

    it('answers a handler that throws with 502 and logs the error', async () => {
      await expect502(await request(`${url}throw`));
      expect(log.join('\n')).toMatch(/customer function error: Error: boom/);
    });

    it('answers a handler that never settles with 502 once its timeout passes', async () => {
      await expect502(await request(`${url}hang`));
      expect(log.join('\n')).toMatch(/Task timed out after 1\.00 seconds/);
    });

    it('answers a handler stuck in a loop with 502 once its timeout passes', async () => {
      await expect502(await request(`${url}spin`));
    });

    it('answers a handler that kills its runtime with 502, and the next call gets a fresh one', async () => {
      await expect502(await request(`${url}crash`));
      await expect502(await request(`${url}crash`));
    });
  });

  describe('the Lambda runtime', () => {
    it('passes the template environment variables and the reserved ones', async () => {
      const response = await request(`${url}env`);
      expect(await response.body.text()).toMatch(/^items .+-Env$/);
    });

    it('tags console output with the request ID', async () => {
      const response = await request(`${url}env`);
      await response.body.dump();
      const requestId = response.headers['x-amzn-requestid'] as string;
      expect(log.some((line) => line.includes(`\t${requestId}\tINFO\ttable is items`))).toBe(true);
    });

    it('runs an ES module handler', async () => {
      const response = await request(`${url}esm`);
      expect(await response.body.json()).toEqual({ module: 'undefined' });
    });

    it('runs a CommonJS bundle as CommonJS even below a "type": "module" package.json', async () => {
      const response = await request(`${url}cjs`);
      expect(await response.body.text()).toBe('object');
    });

    it('keeps a function warm between sequential invocations', async () => {
      const first = Number(await (await request(`${url}counter`)).body.text());
      const second = Number(await (await request(`${url}counter`)).body.text());
      expect(second).toBe(first + 1);
    });
  });
});
