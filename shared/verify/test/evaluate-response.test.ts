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

  it('reports a wrong status with both codes', () => {
    expect(evaluateResponse({ status: 204 }, response)).toEqual(['status: expected 204, got 200']);
  });

  it('quotes the expected and the actual value of a wrong or missing header', () => {
    expect(
      evaluateResponse(
        { status: 200, headers: { vary: 'Accept', 'access-control-max-age': '600' } },
        response,
      ),
    ).toEqual([
      "vary: expected 'Accept', got 'Origin'",
      "access-control-max-age: expected '600', got <absent>",
    ]);
  });

  it('reports a header that must be absent or present', () => {
    expect(
      evaluateResponse({ status: 200, headers: { vary: false, 'apigw-requestid': true } }, response),
    ).toEqual([
      "vary: expected no such header, got 'Origin'",
      'apigw-requestid: expected the header, it is absent',
    ]);
  });

  it('reports a header holding the one value it must not hold', () => {
    expect(
      evaluateResponse(
        { status: 200, headers: { 'access-control-allow-origin': { not: 'http://localhost:5173' } } },
        response,
      ),
    ).toEqual(["access-control-allow-origin: expected anything but 'http://localhost:5173', got it"]);
  });

  it('reports every CORS header not expected when the CORS headers must be exact', () => {
    expect(evaluateResponse({ status: 200, exactCorsHeaders: true }, response)).toEqual([
      "Access-Control-Allow-Origin: expected no such header, got 'http://localhost:5173'",
    ]);
  });

  it('reads repeated headers as one value joined with a comma', () => {
    const repeated = { ...response, headers: [...response.headers, ['Vary', 'Accept'] as const] };

    expect(evaluateResponse({ status: 200, headers: { vary: 'Origin, Accept' } }, repeated)).toEqual([]);
  });

  it('quotes both bodies when the body differs', () => {
    expect(evaluateResponse({ status: 200, body: '{}' }, response)).toEqual([
      `body: expected '{}', got '{"state":"ok"}'`,
    ]);
  });
});
