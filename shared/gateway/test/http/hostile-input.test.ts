import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

const headerFromQuery = `exports.handler = async (event) => {
  const q = event.queryStringParameters ?? {};
  return { statusCode: q.status ?? 200, headers: { [q.name ?? 'x-value']: q.value ?? '' }, body: 'ok' };
};`;

const { url, log } = await serveHttpApi(
  httpApiTemplate({
    routes: [
      { routeKey: 'GET /v2', functionId: 'HeaderFromQuery' },
      { routeKey: 'GET /v1', functionId: 'HeaderFromQuery', payloadFormatVersion: '1.0' },
      { routeKey: 'GET /hop', functionId: 'HopByHop' },
    ],
    functions: {
      HeaderFromQuery: { code: headerFromQuery },
      HopByHop: {
        code: `exports.handler = async () => ({
          statusCode: 200,
          headers: { Connection: 'close', 'Content-Length': '999', 'Transfer-Encoding': 'chunked',
            'Keep-Alive': 'timeout=1', Trailer: 'Expires', Upgrade: 'h2c', 'X-Kept': 'yes' },
          body: 'four',
        });`,
      },
    },
  }),
);

async function get(path: string) {
  const response = await request(`${url}${path}`);
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('an HTTP API keeps serving whatever a function puts in a header', () => {
  for (const version of ['v1', 'v2']) {
    it(`answers 500 for a ${version} result whose header value holds CR LF, and serves the next`, async () => {
      const answer = await get(`${version}?value=a%0d%0aSet-Cookie:%20evil=1`);
      expect(answer).toMatchObject({ status: 500, body: '{"message":"Internal Server Error"}' });
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(await get(`${version}?value=fine`)).toMatchObject({ status: 200, body: 'ok' });
    });

    it(`answers 500 for a ${version} result whose header name is not a token`, async () => {
      expect(await get(`${version}?name=bad%20name&value=v`)).toMatchObject({ status: 500 });
    });

    it(`answers 500 for a ${version} result whose status is 101`, async () => {
      expect(await get(`${version}?status=101`)).toMatchObject({ status: 500 });
    });
  }

  it('logs why a result could not be sent', () => {
    expect(log.join('\n')).toMatch(/x-value.*control character/);
  });

  it('drops the framing and hop-by-hop headers a function sets', async () => {
    const answer = await get('hop');
    expect(answer).toMatchObject({ status: 200, body: 'four' });
    expect(answer.headers['content-length']).toBe('4');
    expect(answer.headers['x-kept']).toBe('yes');
    for (const name of ['transfer-encoding', 'trailer', 'upgrade', 'x-amzn-remapped-connection']) {
      expect(answer.headers[name]).toBeUndefined();
    }
    expect(answer.headers['keep-alive']).not.toBe('timeout=1');
  });
});
