import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpProxyEventV1 } from '../../src/http/payload-v1-event.js';
import type { HttpProxyEventV2 } from '../../src/http/payload-v2-event.js';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

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
