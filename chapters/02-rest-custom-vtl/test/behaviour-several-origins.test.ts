import { describe, expect } from 'vitest';
import { DEFAULT_ALLOWED_ORIGINS } from '../lib/custom-cors-restapi-stack.js';
import { corsHeaders, exchange, OTHER_ORIGIN, path } from './gateway-exchange.js';
import { it } from './served-stack.js';

const [FIRST_ORIGIN, SECOND_ORIGIN] = DEFAULT_ALLOWED_ORIGINS as [string, string];

describe('GET /prod/greeting: several origins, echoed by the response template', () => {
  it.for([FIRST_ORIGIN, SECOND_ORIGIN])(
    'echoes the allowed origin %s with Vary: Origin',
    async (origin, { gateway }) => {
      const { status, headers, body } = await exchange(path(gateway.url, 'greeting'), 'GET', {
        Origin: origin,
      });

      expect(status).toBe(200);
      expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': origin });
      expect(headers.vary).toBe('Origin');
      expect(headers['content-length']).toBe('20');
      expect(body).toBe('{"greeting":"hello"}');
    },
  );

  it('finds the origin when the header is sent in lower case', async ({ gateway }) => {
    const { headers } = await exchange(path(gateway.url, 'greeting'), 'GET', { origin: SECOND_ORIGIN });

    expect(headers['access-control-allow-origin']).toBe(SECOND_ORIGIN);
  });

  it('sends no Allow-Origin to an origin outside the list, but still Vary: Origin', async ({ gateway }) => {
    const { status, headers } = await exchange(path(gateway.url, 'greeting'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({});
    expect(headers.vary).toBe('Origin');
  });

  it('sends no Allow-Origin to a request without an Origin, such as curl', async ({ gateway }) => {
    const { headers } = await exchange(path(gateway.url, 'greeting'), 'GET');

    expect(corsHeaders(headers)).toEqual({});
  });

  it("has a preflight that echoes the second origin through CDK's template", async ({ gateway }) => {
    const { status, headers } = await exchange(path(gateway.url, 'greeting'), 'OPTIONS', {
      Origin: SECOND_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe(SECOND_ORIGIN);
    expect(headers.vary).toBe('Origin');
  });

  it('has a preflight that answers any other origin with the first one', async ({ gateway }) => {
    const { status, headers } = await exchange(path(gateway.url, 'greeting'), 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe(FIRST_ORIGIN);
    expect(headers.vary).toBe('Origin');
  });
});
