import { describe, expect, it } from 'vitest';
import { type HttpCorsConfiguration, HttpCorsPolicy } from '../../src/http/cors-policy.js';

const base: HttpCorsConfiguration = {
  allowOrigins: ['https://app.example.com'],
  allowCredentials: false,
  allowMethods: [],
  allowHeaders: [],
  exposeHeaders: [],
  maxAge: undefined,
};

const policy = (overrides: Partial<HttpCorsConfiguration>) => new HttpCorsPolicy({ ...base, ...overrides });

describe('HttpCorsPolicy.preflight', () => {
  it('writes the configured methods, headers and max age as configured, joined with commas', () => {
    const headers = policy({
      allowMethods: ['GET', 'put'],
      allowHeaders: ['Content-Type', 'x-api-key'],
      maxAge: 0,
    }).preflight('https://app.example.com');

    expect(headers).toEqual([
      ['access-control-allow-origin', 'https://app.example.com'],
      ['access-control-allow-methods', 'GET,put'],
      ['access-control-allow-headers', 'Content-Type,x-api-key'],
      ['access-control-max-age', '0'],
    ]);
  });

  it('writes * as * for methods and headers', () => {
    const headers = policy({ allowMethods: ['*'], allowHeaders: ['*'] }).preflight('https://app.example.com');

    expect(headers).toContainEqual(['access-control-allow-methods', '*']);
    expect(headers).toContainEqual(['access-control-allow-headers', '*']);
  });

  it('leaves out the methods and headers that are not configured', () => {
    expect(policy({}).preflight('https://app.example.com')).toEqual([
      ['access-control-allow-origin', 'https://app.example.com'],
    ]);
  });

  it('answers an origin that is not allowed with no header at all', () => {
    expect(
      policy({ allowMethods: ['*'], allowHeaders: ['*'], maxAge: 10 }).preflight('https://evil.example'),
    ).toEqual([]);
  });

  it('adds credentials on preflights and actual responses, expose headers on actual responses only', () => {
    const configured = policy({
      allowMethods: ['GET'],
      allowCredentials: true,
      exposeHeaders: ['x-request-id', 'date'],
    });

    const preflight = configured.preflight('https://app.example.com');
    const actual = configured.actual('https://app.example.com');

    expect(preflight).toEqual([
      ['access-control-allow-origin', 'https://app.example.com'],
      ['access-control-allow-credentials', 'true'],
      ['access-control-allow-methods', 'GET'],
    ]);
    expect(actual).toEqual([
      ['access-control-allow-origin', 'https://app.example.com'],
      ['access-control-allow-credentials', 'true'],
      ['access-control-expose-headers', 'x-request-id,date'],
    ]);
  });

  it('returns a list of its own on every call, so callers may append to it', () => {
    const configured = policy({ allowMethods: ['GET'] });
    configured.preflight('https://app.example.com').push(['apigw-requestid', 'x']);

    expect(configured.preflight('https://app.example.com')).toHaveLength(2);
  });
});

describe('HttpCorsPolicy.actual', () => {
  it('sends nothing to a request without an Origin', () => {
    expect(policy({ allowOrigins: ['*'] }).actual(undefined)).toEqual([]);
  });

  it('sends nothing to an origin that is not allowed', () => {
    expect(policy({}).actual('https://evil.example')).toEqual([]);
  });

  it('never sends the preflight-only headers', () => {
    const headers = policy({
      allowOrigins: ['*'],
      allowMethods: ['*'],
      allowHeaders: ['*'],
      maxAge: 60,
    }).actual('https://a.example');

    expect(headers).toEqual([['access-control-allow-origin', '*']]);
  });
});
