import { gunzipSync, inflateSync } from 'node:zlib';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

const body = JSON.stringify({ text: 'x'.repeat(200) });
const template = restApiTemplate({
  methods: [
    {
      path: '/big',
      httpMethod: 'GET',
      integration: {
        Type: 'MOCK',
        RequestTemplates: { 'application/json': '{"statusCode": 200}' },
        IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': body } }],
      },
      methodResponses: [{ StatusCode: '200' }],
    },
  ],
});
(template.Resources as Record<string, { Properties: Record<string, unknown> }>)
  .Api!.Properties.MinimumCompressionSize = 100;
const { url } = await serveTemplate(template);

const get = (acceptEncoding?: string) =>
  request(new URL('big', url), { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('MinimumCompressionSize', () => {
  it('gzips a body at least that large for a client that accepts gzip', async () => {
    const response = await get('gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await response.body.arrayBuffer())).toString()).toBe(body);
  });

  it('deflates when deflate is the first encoding the client names', async () => {
    const response = await get('br, deflate;q=0.5, gzip');
    expect(response.headers['content-encoding']).toBe('deflate');
    expect(inflateSync(Buffer.from(await response.body.arrayBuffer())).toString()).toBe(body);
  });

  it('sends the body as it is without Accept-Encoding, or with identity only', async () => {
    for (const encoding of [undefined, 'identity']) {
      const response = await get(encoding);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(await response.body.text()).toBe(body);
    }
  });

  it('leaves a body under the minimum alone', async () => {
    const response = await request(new URL('missing', url), { headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-encoding']).toBeUndefined();
    await response.body.dump();
  });
});
