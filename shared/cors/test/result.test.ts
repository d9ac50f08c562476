import type { APIGatewayProxyResult, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { toStructuredResult, withCorsHeaders } from '../src/result.js';

const APP = 'https://app.example.com';

describe('toStructuredResult', () => {
  it('keeps a result that has a status code', () => {
    const result = { statusCode: 201, body: 'made' };
    expect(toStructuredResult(result)).toBe(result);
  });

  it('turns a string into a 200 JSON response whose body is the string', () => {
    expect(toStructuredResult('hello')).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: 'hello',
    });
  });

  it('turns any other value, even one with headers but no status code, into its JSON text', () => {
    expect(toStructuredResult({ state: 'ok' }).body).toBe('{"state":"ok"}');
    expect(toStructuredResult({ headers: { a: 'b' }, body: 'x' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"headers":{"a":"b"},"body":"x"}',
    });
  });
});

describe('withCorsHeaders', () => {
  it('adds the CORS headers and keeps everything else', () => {
    const result: APIGatewayProxyStructuredResultV2 = {
      statusCode: 200,
      headers: { 'Content-Type': 'text/plain' },
      body: 'b2s=',
      isBase64Encoded: true,
      cookies: ['a=1'],
    };
    expect(withCorsHeaders(result, { 'Access-Control-Allow-Origin': APP, Vary: 'Origin' })).toEqual({
      statusCode: 200,
      headers: { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': APP, Vary: 'Origin' },
      body: 'b2s=',
      isBase64Encoded: true,
      cookies: ['a=1'],
    });
  });

  it('does not modify the result it is given', () => {
    const result: APIGatewayProxyResult = { statusCode: 200, headers: { Vary: 'Accept' }, body: '' };
    withCorsHeaders(result, { 'Access-Control-Allow-Origin': '*', Vary: 'Origin' });
    expect(result).toEqual({ statusCode: 200, headers: { Vary: 'Accept' }, body: '' });
  });

  it('replaces the handler’s own CORS headers, in any case, in both header maps', () => {
    const result: APIGatewayProxyResult = {
      statusCode: 200,
      headers: { 'access-control-allow-origin': 'https://evil.example', 'ACCESS-CONTROL-MAX-AGE': 9 },
      multiValueHeaders: { 'Access-Control-Allow-Credentials': [true], 'Set-Cookie': ['a=1', 'b=2'] },
      body: '',
    };
    expect(withCorsHeaders(result, { Vary: 'Origin' })).toEqual({
      statusCode: 200,
      headers: { Vary: 'Origin' },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
      body: '',
    });
  });

  it('merges Vary with the handler’s values from both header maps, keeping its spelling, without duplicates', () => {
    const result: APIGatewayProxyResult = {
      statusCode: 200,
      headers: { vary: 'Accept-Encoding, origin' },
      multiValueHeaders: { VARY: ['Accept-Language'] },
      body: '',
    };
    expect(withCorsHeaders(result, { 'Access-Control-Allow-Origin': APP, Vary: 'Origin' })).toEqual({
      statusCode: 200,
      headers: { vary: 'Accept-Encoding, origin, Accept-Language', 'Access-Control-Allow-Origin': APP },
      multiValueHeaders: {},
      body: '',
    });
  });

  it('leaves the handler’s Vary as it is when the policy sends none', () => {
    const result: APIGatewayProxyResult = {
      statusCode: 200,
      headers: { Vary: 'Accept' },
      multiValueHeaders: { Vary: ['Accept-Language'] },
      body: '',
    };
    expect(withCorsHeaders(result, { 'Access-Control-Allow-Origin': '*' })).toEqual({
      statusCode: 200,
      headers: { Vary: 'Accept', 'Access-Control-Allow-Origin': '*' },
      multiValueHeaders: { Vary: ['Accept-Language'] },
      body: '',
    });
  });

  it('creates the header map of a result that had none', () => {
    expect(withCorsHeaders({ statusCode: 204, body: '' }, { Vary: 'Origin' })).toEqual({
      statusCode: 204,
      headers: { Vary: 'Origin' },
      body: '',
    });
  });
});
