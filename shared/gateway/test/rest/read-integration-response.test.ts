import { describe, expect, it } from 'vitest';
import { readIntegrationResponse } from '../../src/rest/read-integration-response.js';

const where = { logicalId: 'GetMethod', index: 0, file: 'T.json' };
const fail = (message: string): never => {
  throw new Error(message);
};
const declared = new Map([['200', new Set(['access-control-allow-origin'])]]);

describe('readIntegrationResponse', () => {
  it('reads the status, an anchored selection pattern and the declared header mappings', () => {
    const read = readIntegrationResponse(
      {
        StatusCode: '200',
        SelectionPattern: '2\\d{2}',
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
      },
      where,
      declared,
      'AWS',
      fail,
    );
    expect(read.statusCode).toBe('200');
    expect(read.selectionPattern?.test('201')).toBe(true);
    expect(read.selectionPattern?.test('x201')).toBe(false);
    expect(read.responseParameters.map(([header]) => header)).toEqual(['Access-Control-Allow-Origin']);
  });

  it('refuses a status the method does not declare, except behind a proxy', () => {
    expect(() => readIntegrationResponse({ StatusCode: '400' }, where, declared, 'MOCK', fail)).toThrow(
      'Invalid Response status code specified: integration response 400 has no method response',
    );
    expect(
      readIntegrationResponse({ StatusCode: '400' }, where, declared, 'AWS_PROXY', fail).statusCode,
    ).toBe('400');
  });

  it('refuses a mapping to a header the method response does not declare, and a bad pattern', () => {
    const undeclared = { StatusCode: '200', ResponseParameters: { 'method.response.header.X-Other': "'1'" } };
    expect(() => readIntegrationResponse(undeclared, where, declared, 'MOCK', fail)).toThrow(
      /Invalid mapping expression parameter specified: method\.response\.header\.X-Other/,
    );
    expect(() =>
      readIntegrationResponse({ StatusCode: '200', SelectionPattern: '(' }, where, declared, 'AWS', fail),
    ).toThrow(/^Invalid selection pattern specified: \(/);
  });
});
