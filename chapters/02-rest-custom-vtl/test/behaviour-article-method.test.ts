import { describe, expect } from 'vitest';
import { corsHeaders, exchange, OTHER_ORIGIN } from './gateway-exchange.js';
import { it } from './served-stack.js';

const ARTICLE_PREFLIGHT_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
  'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
};

const ARTICLE_BODY = '{"message":{"output":"this is the input"},"state":"ok"}';

describe('OPTIONS /prod/: the preflight, as in chapter 01', () => {
  it('answers 204 with exactly the three CORS headers of the MOCK integration', async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'OPTIONS');

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual(ARTICLE_PREFLIGHT_HEADERS);
    expect(body).toBe('');
  });

  it("answers a browser's preflight the same way, whatever the origin", async ({ gateway }) => {
    const { status, headers } = await exchange(gateway.url, 'OPTIONS', {
      Origin: OTHER_ORIGIN,
      'Access-Control-Request-Method': 'GET',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual(ARTICLE_PREFLIGHT_HEADERS);
  });
});

describe('GET /prod/: the custom integration, answered through the templates', () => {
  it("answers 200 with the article's 55-byte body and the mapped Allow-Origin", async ({ gateway }) => {
    const { status, headers, body } = await exchange(gateway.url, 'GET');

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['content-length']).toBe('55');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(body).toBe(ARTICLE_BODY);
  });

  it('carries only the mapped header, next to the IDs API Gateway adds', async ({ gateway }) => {
    const { headers } = await exchange(gateway.url, 'GET', { Origin: OTHER_ORIGIN });

    expect(Object.keys(headers).sort()).toEqual([
      'access-control-allow-origin',
      'connection',
      'content-length',
      'content-type',
      'date',
      'keep-alive',
      'x-amz-apigw-id',
      'x-amzn-requestid',
      'x-amzn-trace-id',
    ]);
  });

  it('answers a body no template accepts with 415, which the gateway response makes readable', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(gateway.url, 'GET', {
      'Content-Type': 'text/plain',
      Origin: OTHER_ORIGIN,
    });

    expect(status).toBe(415);
    expect(body).toBe('{"message":"Unsupported Media Type"}');
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
  });
});
