import { describe, expect, it } from 'vitest';
import { remapResponseHeaders, responseHeaderName } from '../../src/rest/restricted-headers.js';

describe('responseHeaderName', () => {
  it('sends reserved headers as x-amzn-Remapped-<name>, keeping the name’s case', () => {
    expect(responseHeaderName('WWW-Authenticate')).toBe('x-amzn-Remapped-WWW-Authenticate');
    expect(responseHeaderName('date')).toBe('x-amzn-Remapped-date');
  });

  it('drops Transfer-Encoding and leaves other headers alone', () => {
    expect(responseHeaderName('Transfer-Encoding')).toBeUndefined();
    expect(responseHeaderName('Access-Control-Allow-Origin')).toBe('Access-Control-Allow-Origin');
    expect(responseHeaderName('TE')).toBe('TE');
  });
});

describe('remapResponseHeaders', () => {
  it('keeps the order of what it sends', () => {
    expect(
      remapResponseHeaders([
        ['Server', 's'],
        ['transfer-encoding', 'chunked'],
        ['X-Id', '1'],
      ]),
    ).toEqual([
      ['x-amzn-Remapped-Server', 's'],
      ['X-Id', '1'],
    ]);
  });
});
