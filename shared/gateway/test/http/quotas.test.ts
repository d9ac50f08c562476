import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

const MB = 1024 * 1024;

const { url } = await serveHttpApi(
  httpApiTemplate({
    routes: [
      { routeKey: 'POST /size', functionId: 'Size' },
      { routeKey: 'GET /big', functionId: 'Big' },
    ],
    functions: {
      Size: {
        code: `exports.handler = async (event) => ({ statusCode: 200, body: String(event.body?.length ?? 0) });`,
      },
      Big: {
        code: `exports.handler = async () => ({ statusCode: 200, body: 'a'.repeat(7 * 1024 * 1024) });`,
      },
    },
  }),
);

describe('an HTTP API holds API Gateway and Lambda quotas', () => {
  it('answers a body over 10 MB with 413 Request Entity Too Large', async () => {
    const response = await request(`${url}size`, { method: 'POST', body: Buffer.alloc(10 * MB + 1) });
    expect(response.statusCode).toBe(413);
    expect(await response.body.text()).toBe('{"message":"Request Entity Too Large"}');
  });

  it('answers a request line and headers over 10,240 bytes with 413', async () => {
    const response = await request(`${url}size`, {
      method: 'POST',
      headers: { 'x-fill': 'a'.repeat(10_300) },
    });
    expect(response.statusCode).toBe(413);
    await response.body.dump();
  });

  it('answers an event over 6 MB with 413, without running the function', async () => {
    const response = await request(`${url}size`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a'.repeat(7 * MB),
    });
    expect(response.statusCode).toBe(413);
    expect(await response.body.text()).toBe('{"message":"Request Entity Too Large"}');
  });

  it('answers a result over 6 MB with 500', async () => {
    const response = await request(`${url}big`);
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('{"message":"Internal Server Error"}');
  });
});
