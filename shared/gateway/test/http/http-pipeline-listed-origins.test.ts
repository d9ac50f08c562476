import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { corsHeaders } from '../support/cors-headers.js';
import { httpApiTemplate } from './fixtures/http-template.js';
import { serveHttpApi } from './fixtures/serve-http-api.js';

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
