import { describe, expect, it } from 'vitest';
import { createCorsHeaderBuilder } from '../src/headers.js';
import { type CorsPolicyOptions, resolveCorsPolicy } from '../src/policy.js';

const APP = 'https://app.example.com';

function builder(options: CorsPolicyOptions) {
  return createCorsHeaderBuilder(resolveCorsPolicy(options));
}

describe('createCorsHeaderBuilder, actual responses', () => {
  it('echoes an allowed origin with Vary: Origin', () => {
    expect(builder({ allowOrigins: [APP] }).actual(APP)).toEqual({
      'Access-Control-Allow-Origin': APP,
      Vary: 'Origin',
    });
  });

  it('sends only Vary: Origin to an origin outside the list', () => {
    expect(builder({ allowOrigins: [APP] }).actual('https://evil.example')).toEqual({ Vary: 'Origin' });
  });

  it('sends only Vary: Origin to a request without Origin', () => {
    expect(builder({ allowOrigins: [APP] }).actual(undefined)).toEqual({ Vary: 'Origin' });
  });

  it('answers * without Vary for a * policy, with or without Origin', () => {
    const build = builder({ allowOrigins: '*' });
    expect(build.actual(APP)).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(build.actual(undefined)).toEqual({ 'Access-Control-Allow-Origin': '*' });
  });

  it('allows credentials only next to an echoed origin', () => {
    const build = builder({ allowOrigins: [APP], allowCredentials: true });
    expect(build.actual(APP)).toEqual({
      'Access-Control-Allow-Origin': APP,
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
    });
    expect(build.actual('https://evil.example')).toEqual({ Vary: 'Origin' });
  });

  it('exposes the configured headers to an allowed origin only', () => {
    const build = builder({ allowOrigins: [APP], exposeHeaders: ['X-Request-Id', 'ETag'] });
    expect(build.actual(APP)['Access-Control-Expose-Headers']).toBe('X-Request-Id, ETag');
    expect(build.actual('https://evil.example')['Access-Control-Expose-Headers']).toBeUndefined();
    expect(builder({ allowOrigins: '*', exposeHeaders: ['ETag'] }).actual(undefined)).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag',
    });
  });

  it('sends no preflight-only header on an actual response', () => {
    const headers = builder({ allowOrigins: [APP], maxAge: 600 }).actual(APP);
    expect(Object.keys(headers)).not.toContain('Access-Control-Allow-Methods');
    expect(Object.keys(headers)).not.toContain('Access-Control-Allow-Headers');
    expect(Object.keys(headers)).not.toContain('Access-Control-Max-Age');
  });
});

describe('createCorsHeaderBuilder, preflights', () => {
  it('answers an allowed origin with origin, methods, requested headers and max age', () => {
    const build = builder({
      allowOrigins: [APP],
      allowMethods: ['GET', 'PUT'],
      allowHeaders: ['Content-Type', 'Authorization'],
      maxAge: 600,
    });
    expect(build.preflight(APP, 'content-type,authorization')).toEqual({
      'Access-Control-Allow-Origin': APP,
      'Access-Control-Allow-Methods': 'GET, PUT',
      'Access-Control-Allow-Headers': 'content-type, authorization',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin, Access-Control-Request-Headers',
    });
  });

  it('leaves out a requested header the policy does not allow, so the browser blocks the request', () => {
    const build = builder({ allowOrigins: [APP], allowHeaders: ['Content-Type'] });
    expect(build.preflight(APP, 'content-type, x-secret')['Access-Control-Allow-Headers']).toBe(
      'content-type',
    );
    expect(build.preflight(APP, 'x-secret')['Access-Control-Allow-Headers']).toBeUndefined();
  });

  it('sends no Access-Control-Allow-Headers when none were requested', () => {
    expect(
      builder({ allowOrigins: [APP] }).preflight(APP, undefined)['Access-Control-Allow-Headers'],
    ).toBeUndefined();
  });

  it('echoes any requested header for allowHeaders *, never a literal * (which credentials would make literal)', () => {
    const build = builder({ allowOrigins: [APP], allowHeaders: '*', allowCredentials: true });
    expect(build.preflight(APP, 'authorization, x-custom')).toMatchObject({
      'Access-Control-Allow-Headers': 'authorization, x-custom',
      'Access-Control-Allow-Credentials': 'true',
    });
  });

  it('never echoes a requested header named *, which would read as a wildcard without credentials', () => {
    const build = builder({ allowOrigins: '*', allowHeaders: '*' });
    expect(build.preflight(APP, '*, x-ok')['Access-Control-Allow-Headers']).toBe('x-ok');
  });

  it('drops requested names that are not header names', () => {
    const build = builder({ allowOrigins: [APP], allowHeaders: '*' });
    expect(build.preflight(APP, 'x-ok, bad name, , x\u0000y')['Access-Control-Allow-Headers']).toBe('x-ok');
  });

  it('sends no CORS header, only Vary, to a disallowed origin', () => {
    const build = builder({ allowOrigins: [APP], allowCredentials: true, maxAge: 600 });
    expect(build.preflight('https://evil.example', 'content-type')).toEqual({
      Vary: 'Origin, Access-Control-Request-Headers',
    });
  });

  it('sends a max age of 0 and none when not configured', () => {
    expect(
      builder({ allowOrigins: [APP], maxAge: 0 }).preflight(APP, undefined)['Access-Control-Max-Age'],
    ).toBe('0');
    expect(
      builder({ allowOrigins: [APP] }).preflight(APP, undefined)['Access-Control-Max-Age'],
    ).toBeUndefined();
  });

  it('answers * with the default methods and no Vary: Origin for a * policy', () => {
    expect(builder({ allowOrigins: '*' }).preflight(undefined, 'Content-Type')).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
      'Access-Control-Allow-Headers': 'Content-Type',
      Vary: 'Access-Control-Request-Headers',
    });
  });
});
