import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest } from '@cors-workshop/testing';
import { describe, expect } from 'vitest';
import { corsHeaders, exchange, OTHER_ORIGIN, path } from './gateway-exchange.js';
import { it, synthesize } from './served-stack.js';

/** The stack before the fix of the 400: the integration response maps no CORS header. */
const itWithoutMappedErrorCors = gatewayTest({
  source: () => synthesize({ corsOnMappedErrors: false }),
  logger: silentLogger,
});

const BAD_REQUEST_BODY = '{"message":"[BadRequest] no such thing"}';

describe('GET /prod/fails: a function error mapped to a 400', () => {
  it('answers 400 with the error message and Allow-Origin, so the page can read why', async ({ gateway }) => {
    const { status, headers, body } = await exchange(path(gateway.url, 'fails'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(400);
    expect(headers['content-type']).toBe('application/json');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe(BAD_REQUEST_BODY);
  });

  itWithoutMappedErrorCors(
    'answers the same 400 without Allow-Origin when only the 200 maps the header',
    async ({ gateway }) => {
      const { status, headers, body } = await exchange(path(gateway.url, 'fails'), 'GET', {
        Origin: OTHER_ORIGIN,
      });

      expect(status).toBe(400);
      expect(body).toBe(BAD_REQUEST_BODY);
      expect(corsHeaders(headers)).toEqual({});
    },
  );

  itWithoutMappedErrorCors(
    'gets no help from the DEFAULT_4XX gateway response, which covers only errors of API Gateway itself',
    async ({ gateway }) => {
      const fails = await exchange(path(gateway.url, 'fails'), 'GET');
      const missing = await exchange(path(gateway.url, 'missing'), 'GET');

      expect(corsHeaders(fails.headers)).toEqual({});
      expect(missing.status).toBe(403);
      expect(corsHeaders(missing.headers)).toEqual({ 'access-control-allow-origin': '*' });
    },
  );
});
