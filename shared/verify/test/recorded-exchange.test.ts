import { describe, expect, it } from 'vitest';
import { headerValue, type RecordedResponse } from '../src/recorded-exchange.js';

const response: RecordedResponse = {
  status: 200,
  statusText: 'OK',
  headers: [
    ['Vary', 'Origin'],
    ['Content-Type', 'text/plain'],
    ['vary', 'Accept-Encoding'],
  ],
  body: '',
};

describe('headerValue', () => {
  it('finds a header whatever the case of its name', () => {
    expect(headerValue(response, 'CONTENT-TYPE')).toBe('text/plain');
  });

  it('joins the values of a repeated header with a comma, in order', () => {
    expect(headerValue(response, 'vary')).toBe('Origin, Accept-Encoding');
  });

  it('gives undefined for an absent header', () => {
    expect(headerValue(response, 'access-control-allow-origin')).toBeUndefined();
  });
});
