import { describe, expect, it } from 'vitest';
import { parseMockStatusCode } from '../../src/rest/mock-status-code.js';

describe('parseMockStatusCode', () => {
  it('accepts the relaxed form CDK emits', () => {
    expect(parseMockStatusCode('{ statusCode: 200 }')).toBe(200);
  });

  it('accepts JSON with other keys', () => {
    expect(parseMockStatusCode('{"statusCode": 404, "id": 42}')).toBe(404);
  });

  it('finds no status code in an empty or unrelated body', () => {
    expect(parseMockStatusCode('')).toBeUndefined();
    expect(parseMockStatusCode('{"status": 200}')).toBeUndefined();
    expect(parseMockStatusCode('statusCode: 200')).toBeUndefined();
  });
});
