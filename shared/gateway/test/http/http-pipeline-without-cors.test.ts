import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

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
