import { describe, expect, it } from 'vitest';
import { encodeRequestBody } from '../../src/http/request-body.js';

describe('encodeRequestBody', () => {
  const body = Buffer.from('a=1&b=é');

  it.each([
    'text/plain',
    'text/csv; charset=utf-8',
    'application/json',
    'Application/JSON; charset=UTF-8',
    'application/xml',
    'application/javascript',
  ])('passes a %s body as text', (contentType) => {
    expect(encodeRequestBody(body, contentType)).toEqual({ body: 'a=1&b=é', isBase64Encoded: false });
  });

  it.each([
    undefined,
    'application/x-www-form-urlencoded',
    'application/octet-stream',
    'image/png',
    'application/ld+json',
  ])('passes a body of content type %s in base64', (contentType) => {
    expect(encodeRequestBody(body, contentType)).toEqual({
      body: body.toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('gives no body at all for an empty one', () => {
    expect(encodeRequestBody(Buffer.alloc(0), 'application/json')).toEqual({
      body: undefined,
      isBase64Encoded: false,
    });
  });
});
