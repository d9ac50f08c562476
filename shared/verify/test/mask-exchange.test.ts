import { describe, expect, it } from 'vitest';
import { DEFAULT_MASKS, maskExchange } from '../src/mask-exchange.js';
import type { RecordedExchange } from '../src/recorded-exchange.js';

const exchange: RecordedExchange = {
  request: { method: 'GET', url: 'http://127.0.0.1:1234/', headers: [['Origin', 'https://app.example.com']] },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [
      ['Content-Type', 'application/json'],
      ['apigw-requestid', 'Tq1WbhQ8IAMEVxw='],
      ['x-request-id', 'Tq1WbhQ8IAMEVxw='],
      ['X-Amzn-Trace-Id', 'Root=1-6b06e012-23d74fecf28886bd8667d53d;Sampled=0'],
      ['date', 'Wed, 25 Nov 2026 13:18:10 GMT'],
    ],
    body: '{"requestId":"Tq1WbhQ8IAMEVxw=","at":"2026-11-25T13:18:10Z"}',
  },
};

describe('maskExchange', () => {
  it('masks the date and the IDs API Gateway adds, keeping the header names and their order', () => {
    const masked = maskExchange(exchange);

    expect(masked.response.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['apigw-requestid', '<request-id>'],
      ['x-request-id', '<request-id>'],
      ['X-Amzn-Trace-Id', '<trace-id>'],
      ['date', '<date>'],
    ]);
  });

  it('masks a masked value wherever else it appears, such as an echoed request ID in the body', () => {
    expect(maskExchange(exchange).response.body).toBe(
      '{"requestId":"<request-id>","at":"2026-11-25T13:18:10Z"}',
    );
  });

  it('applies pattern masks to header values and the body', () => {
    const masked = maskExchange(exchange, [{ pattern: /\d{4}-\d\d-\d\dT[\d:]+Z/g, as: '<timestamp>' }]);

    expect(masked.response.body).toBe('{"requestId":"Tq1WbhQ8IAMEVxw=","at":"<timestamp>"}');
  });

  it('leaves the request and the original exchange untouched', () => {
    const copy = structuredClone(exchange);
    const masked = maskExchange(exchange, DEFAULT_MASKS);

    expect(masked.request).toEqual(exchange.request);
    expect(exchange).toEqual(copy);
  });

  it('replaces a longer value as a whole before a shorter one it contains', () => {
    const nested: RecordedExchange = {
      ...exchange,
      response: {
        ...exchange.response,
        headers: [
          ['x-short', 'abc'],
          ['x-long', 'abcdef'],
        ],
        body: 'abcdef abc',
      },
    };
    const masked = maskExchange(nested, [
      { header: 'x-short', as: '<short>' },
      { header: 'x-long', as: '<long>' },
    ]);

    expect(masked.response.body).toBe('<long> <short>');
  });
});
