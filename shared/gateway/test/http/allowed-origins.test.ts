import { describe, expect, it } from 'vitest';
import { compileAllowedOrigins } from '../../src/http/allowed-origins.js';

describe('compileAllowedOrigins', () => {
  it('answers * to every origin when the list has *', () => {
    const { match } = compileAllowedOrigins(['https://a.example', '*']);

    expect(match('https://anything.example')).toBe('*');
    expect(match('null')).toBe('*');
  });

  it('echoes a listed origin as the request sent it, comparing without regard to case', () => {
    const { match } = compileAllowedOrigins(['https://App.Example.com']);

    expect(match('https://app.example.com')).toBe('https://app.example.com');
    expect(match('HTTPS://APP.EXAMPLE.COM')).toBe('HTTPS://APP.EXAMPLE.COM');
    expect(match('https://app.example.com:8443')).toBeUndefined();
    expect(match('http://app.example.com')).toBeUndefined();
  });

  it('lets in every origin of a scheme with https://* or http://*', () => {
    const { match } = compileAllowedOrigins(['https://*']);

    expect(match('https://a.example')).toBe('https://a.example');
    expect(match('http://a.example')).toBeUndefined();
    expect(match('https://')).toBeUndefined();
  });

  it('reads a * inside a host as literal text, which no origin equals, and reports it', () => {
    const { match, unmatchable } = compileAllowedOrigins([
      'https://*.example.com',
      'https://app.example.com/',
    ]);

    expect(match('https://a.example.com')).toBeUndefined();
    expect(match('https://app.example.com')).toBeUndefined();
    expect(unmatchable).toEqual(['https://*.example.com', 'https://app.example.com/']);
  });

  it('accepts the origin null when it is listed', () => {
    const { match, unmatchable } = compileAllowedOrigins(['null']);

    expect(match('null')).toBe('null');
    expect(unmatchable).toEqual([]);
  });

  it('lets nobody in when the list is empty', () => {
    expect(compileAllowedOrigins([]).match('https://a.example')).toBeUndefined();
  });
});
