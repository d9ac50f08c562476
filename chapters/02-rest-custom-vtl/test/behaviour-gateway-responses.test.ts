import { silentLogger } from '@cors-workshop/gateway';
import { gatewayTest } from '@cors-workshop/testing';
import { describe, expect } from 'vitest';
import { corsHeaders, exchange, OTHER_ORIGIN, path } from './gateway-exchange.js';
import { it, synthesize } from './served-stack.js';

/** The stack before the fix of the API's own errors: no DEFAULT_4XX gateway response. */
const itWithoutGatewayResponse = gatewayTest({
  source: () => synthesize({ corsOnGatewayErrors: false }),
  logger: silentLogger,
});

const MISSING_TOKEN_BODY = '{"message":"Missing Authentication Token"}';

describe('errors from API Gateway itself: the DEFAULT_4XX gateway response', () => {
  it('gives an unknown path its 403 Missing Authentication Token with Allow-Origin', async ({ gateway }) => {
    const { status, headers, body } = await exchange(path(gateway.url, 'missing'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(403);
    expect(headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe(MISSING_TOKEN_BODY);
  });

  it('gives a method the resource lacks the same 403 with Allow-Origin', async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'POST');

    expect(status).toBe(403);
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
  });

  itWithoutGatewayResponse('answers an unknown path with no CORS header at all', async ({ gateway }) => {
    const { status, headers, body } = await exchange(path(gateway.url, 'missing'), 'GET', {
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(403);
    expect(body).toBe(MISSING_TOKEN_BODY);
    expect(corsHeaders(headers)).toEqual({});
  });

  itWithoutGatewayResponse('answers the 415 with no CORS header either', async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'GET', { 'Content-Type': 'text/plain' });

    expect(status).toBe(415);
    expect(corsHeaders(headers)).toEqual({});
  });

  itWithoutGatewayResponse('leaves the mapped 200 and 400 as they were', async ({ gateway }) => {
    const root = await exchange(gateway.url, 'GET');
    const fails = await exchange(path(gateway.url, 'fails'), 'GET');

    expect(corsHeaders(root.headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(fails.status).toBe(400);
    expect(corsHeaders(fails.headers)).toEqual({ 'access-control-allow-origin': '*' });
  });
});
