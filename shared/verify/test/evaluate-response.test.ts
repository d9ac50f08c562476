import { describe, expect, it } from 'vitest';
import { evaluateResponse } from '../src/evaluate-response.js';
import type { RecordedResponse } from '../src/recorded-exchange.js';

const response: RecordedResponse = {
  status: 200,
  statusText: 'OK',
  headers: [
    ['Content-Type', 'application/json'],
    ['Access-Control-Allow-Origin', 'http://localhost:5173'],
    ['Vary', 'Origin'],
    ['x-amzn-RequestId', '0e1f'],
  ],
  body: '{"state":"ok"}',
};

describe('evaluateResponse', () => {
  it('finds nothing wrong with a response that meets every expectation', () => {
    expect(
      evaluateResponse(
        {
          status: 200,
          headers: {
            'access-control-allow-origin': 'http://localhost:5173',
            VARY: 'Origin',
            'x-amzn-requestid': true,
            'access-control-allow-credentials': false,
            'access-control-max-age': { not: '0' },
          },
          exactCorsHeaders: true,
          body: '{"state":"ok"}',
        },
        response,
      ),
    ).toEqual([]);
  });

  it('reports a wrong status with both codes, naming the request', () => {
    expect(evaluateResponse({ status: 204 }, response, '`OPTIONS /`')).toEqual([
      '`OPTIONS /` now answers 200, where the lesson says 204',
    ]);
  });

  it('quotes the expected and the actual value of a wrong or missing header', () => {
    expect(
      evaluateResponse(
        { status: 200, headers: { vary: 'Accept', 'access-control-max-age': '600' } },
        response,
      ),
    ).toEqual([
      'the request now carries `Vary: Origin`, where the lesson shows `Vary: Accept`',
      'the request no longer carries `Access-Control-Max-Age` (the lesson shows `Access-Control-Max-Age: 600`)',
    ]);
  });

  it('reports a header that must be absent or present', () => {
    expect(
      evaluateResponse({ status: 200, headers: { vary: false, 'apigw-requestid': true } }, response),
    ).toEqual([
      'the request now carries `Vary: Origin`, which the lesson says it does not',
      'the request no longer carries `Apigw-Requestid`',
    ]);
  });

  it('reports a header holding the one value it must not hold', () => {
    expect(
      evaluateResponse(
        { status: 200, headers: { 'access-control-allow-origin': { not: 'http://localhost:5173' } } },
        response,
      ),
    ).toEqual([
      'the request now carries `Access-Control-Allow-Origin: http://localhost:5173`, which the lesson says it never does',
    ]);
  });

  it('reports every CORS header not expected when the CORS headers must be exact', () => {
    expect(evaluateResponse({ status: 200, exactCorsHeaders: true }, response, '`GET /`')).toEqual([
      '`GET /` now carries `Access-Control-Allow-Origin: http://localhost:5173`, a CORS header the lesson does not show',
    ]);
  });

  it("writes a header the way the server spelled it, as the README's transcript shows it", () => {
    expect(evaluateResponse({ status: 200, headers: { 'x-amzn-requestid': false } }, response)).toEqual([
      'the request now carries `x-amzn-RequestId: 0e1f`, which the lesson says it does not',
    ]);
  });

  it('reads repeated headers as one value joined with a comma', () => {
    const repeated = { ...response, headers: [...response.headers, ['Vary', 'Accept'] as const] };

    expect(evaluateResponse({ status: 200, headers: { vary: 'Origin, Accept' } }, repeated)).toEqual([]);
  });

  it('quotes both bodies when the body differs', () => {
    expect(evaluateResponse({ status: 200, body: '{}' }, response, '`GET /`')).toEqual([
      '`GET /` now answers the body `{"state":"ok"}`, where the lesson shows `{}`',
    ]);
  });
});
