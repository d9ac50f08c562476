import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpProxyEventV1 } from '../../src/http/payload-v1-event.js';
import type { HttpProxyEventV2 } from '../../src/http/payload-v2-event.js';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

const ARTICLE_HANDLER = `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ state: 'ok' }) });`;

const functions = {
  Article: { code: ARTICLE_HANDLER },
  OwnCors: {
    code: `exports.handler = async () => ({
      statusCode: 200,
      headers: { 'Access-Control-Allow-Origin': 'https://only-me.example', 'access-control-max-age': '5', 'X-Kept': 'yes' },
      body: 'mine',
    });`,
  },
  Echo: { code: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });` },
  Shapes: { code: `exports.handler = async (event) => JSON.parse(event.body);` },
  Nothing: { code: `exports.handler = async () => {};` },
  Thrower: { code: `exports.handler = async () => { throw new Error('boom'); };` },
  Hanger: { code: `exports.handler = () => new Promise(() => {});`, timeout: 1 },
  Slow: {
    code: `exports.handler = () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200, body: 'late' }), 2000));`,
  },
  Crasher: { code: `exports.handler = async () => { process.exit(3); };` },
};

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

const REQUEST_ID = /^[A-Za-z0-9+/]{15}=$/;

describe('an HTTP API with the CORS configuration of the article (every origin, every method)', () => {
  let url: string;
  let log: string[];

  beforeAll(async () => {
    ({ url, log } = await serveHttpApi(
      httpApiTemplate({
        functions,
        cors: { AllowMethods: ['*'], AllowOrigins: ['*'] },
        routes: [
          { routeKey: 'GET /', functionId: 'Article' },
          { routeKey: 'GET /own-cors', functionId: 'OwnCors' },
          { routeKey: 'GET /echo/{id}', functionId: 'Echo' },
          { routeKey: 'ANY /files/{path+}', functionId: 'Echo', invocationPathUri: true },
          { routeKey: 'POST /shapes', functionId: 'Shapes' },
          { routeKey: 'GET /nothing', functionId: 'Nothing' },
          { routeKey: 'GET /throw', functionId: 'Thrower' },
          { routeKey: 'GET /hang', functionId: 'Hanger' },
          { routeKey: 'GET /slow', functionId: 'Slow', timeoutMs: 200 },
          { routeKey: 'GET /crash', functionId: 'Crasher' },
        ],
      }),
    ));
  });

  const shapes = async (result: unknown, headers: Record<string, string> = {}) => {
    const response = await request(`${url}shapes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(result),
    });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  };

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

describe('an HTTP API that lists its origins, with credentials, exposed headers and a max age', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await serveHttpApi(
      httpApiTemplate({
        functions: {
          Profile: {
            code: `exports.handler = async () => ({
              statusCode: 200,
              headers: { 'content-type': 'application/json', 'x-request-id': 'r-1', 'Access-Control-Allow-Origin': '*' },
              body: '{"user":"ada"}',
            });`,
          },
        },
        cors: {
          AllowOrigins: ['https://app.example.com', 'http://*'],
          AllowMethods: ['GET', 'POST'],
          AllowHeaders: ['content-type', 'X-Api-Key'],
          ExposeHeaders: ['x-request-id'],
          MaxAge: 300,
          AllowCredentials: true,
        },
        routes: [{ routeKey: 'GET /profile', functionId: 'Profile' }],
      }),
    ));
  });

  const preflight = async (headers: Record<string, string>) => {
    const response = await request(`${url}profile`, { method: 'OPTIONS', headers });
    await response.body.dump();
    return { status: response.statusCode, cors: corsHeaders(response.headers) };
  };

  it('echoes an allowed origin on a preflight, with credentials, methods, headers and max age', async () => {
    const { status, cors } = await preflight({
      Origin: 'https://app.example.com',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'Content-Type, x-api-key',
    });

    expect(status).toBe(204);
    expect(cors).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'content-type,X-Api-Key',
      'access-control-max-age': '300',
    });
  });

  it('lets every origin of a scheme wildcard in, echoing it', async () => {
    const { cors } = await preflight({
      Origin: 'http://localhost:5173',
      'Access-Control-Request-Method': 'GET',
    });

    expect(cors['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('answers a preflight from an origin that is not listed with 204 and no CORS header at all', async () => {
    const { status, cors } = await preflight({
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(cors).toEqual({});
  });

  it.each([
    ['a method that is not allowed', { 'Access-Control-Request-Method': 'DELETE' }],
    [
      'a request header that is not allowed',
      { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-other' },
    ],
  ])(
    'answers a preflight asking for %s with what is allowed, and leaves the verdict to the browser',
    async (_name, asked) => {
      const { status, cors } = await preflight({ Origin: 'https://app.example.com', ...asked });

      expect(status).toBe(204);
      expect(cors['access-control-allow-origin']).toBe('https://app.example.com');
      expect(cors['access-control-allow-methods']).toBe('GET,POST');
      expect(cors['access-control-allow-headers']).toBe('content-type,X-Api-Key');
    },
  );

  it('echoes an allowed origin on the actual response, with credentials and exposed headers only', async () => {
    const response = await request(`${url}profile`, { headers: { origin: 'https://app.example.com' } });

    expect(corsHeaders(response.headers)).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    });
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(await response.body.text()).toBe('{"user":"ada"}');
  });

  it("gives a disallowed origin no CORS header, not even the function's own", async () => {
    const response = await request(`${url}profile`, { headers: { origin: 'https://evil.example' } });
    await response.body.dump();

    expect(response.statusCode).toBe(200);
    expect(corsHeaders(response.headers)).toEqual({});
  });
});

describe('an HTTP API without a CORS configuration', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await serveHttpApi(
      httpApiTemplate({
        functions: {
          OwnCors: {
            code: `exports.handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: 'x' });`,
          },
        },
        routes: [{ routeKey: 'GET /', functionId: 'OwnCors' }],
      }),
    ));
  });

  it("passes the function's CORS headers through, in lower case", async () => {
    const response = await request(url);
    await response.body.dump();

    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a preflight with 404, as no route takes OPTIONS', async () => {
    const response = await request(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://page.example', 'access-control-request-method': 'GET' },
    });

    expect(response.statusCode).toBe(404);
    expect(await response.body.text()).toBe('{"message":"Not Found"}');
  });
});

describe('stages and payload format 1.0', () => {
  let url: string;

  beforeAll(async () => {
    ({ url } = await serveHttpApi(
      httpApiTemplate({
        functions: {
          Echo: {
            code: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });`,
          },
          Extra: { code: `exports.handler = async () => ({ statusCode: 200, body: 'x', extra: true });` },
          Plain: { code: `exports.handler = async () => ({ statusCode: 200, body: 'plain' });` },
        },
        stages: [{ name: 'dev', variables: { table: 'items' } }],
        routes: [
          { routeKey: 'GET /items/{id}', functionId: 'Echo', payloadFormatVersion: '1.0' },
          { routeKey: 'GET /extra', functionId: 'Extra', payloadFormatVersion: '1.0' },
          { routeKey: 'GET /plain', functionId: 'Plain', payloadFormatVersion: '1.0' },
          { routeKey: '$default', functionId: 'Echo' },
        ],
      }),
    ));
  });

  it('serves a named stage under its name and nothing at the root', async () => {
    const root = await request(`${url}items/1`);
    await root.body.dump();
    const staged = await request(`${url}dev/items/1`);
    await staged.body.dump();

    expect(root.statusCode).toBe(404);
    expect(staged.statusCode).toBe(200);
  });

  it('sends a payload 1.0 event in the REST shape, with the stage in the path', async () => {
    const event = (await (
      await request(`${url}dev/items/7?a=1&a=2`, { headers: { 'X-Mixed': 'Case' } })
    ).body.json()) as HttpProxyEventV1;

    expect(event).toMatchObject({
      version: '1.0',
      resource: '/items/{id}',
      path: '/dev/items/7',
      httpMethod: 'GET',
      pathParameters: { id: '7' },
      queryStringParameters: { a: '2' },
      multiValueQueryStringParameters: { a: ['1', '2'] },
      stageVariables: { table: 'items' },
      body: null,
      isBase64Encoded: false,
      requestContext: { stage: 'dev', resourcePath: '/items/{id}', path: '/dev/items/7' },
    });
    expect(event.headers['X-Mixed']).toBe('Case');
    expect(event.multiValueHeaders['X-Mixed']).toEqual(['Case']);
  });

  it('labels a payload 1.0 body without Content-Type as application/json', async () => {
    const response = await request(`${url}dev/plain`);

    expect(response.headers['content-type']).toBe('application/json');
    expect(await response.body.text()).toBe('plain');
  });

  it('answers a payload 1.0 result with an unknown member with 500, where a REST API answers 502', async () => {
    const response = await request(`${url}dev/extra`);

    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('{"message":"Internal Server Error"}');
  });

  it('sends what no route matches to $default, with the full path and the stage variables', async () => {
    const event = (await (
      await request(`${url}dev/any/where`, { method: 'PATCH' })
    ).body.json()) as HttpProxyEventV2;

    expect(event).toMatchObject({
      routeKey: '$default',
      rawPath: '/dev/any/where',
      stageVariables: { table: 'items' },
      requestContext: {
        stage: 'dev',
        routeKey: '$default',
        http: { method: 'PATCH', path: '/dev/any/where' },
      },
    });
    expect(Object.hasOwn(event, 'pathParameters')).toBe(false);
  });
});
