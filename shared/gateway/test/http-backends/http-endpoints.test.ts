import { describe, expect, it } from 'vitest';
import { HttpBackends } from '../../src/http-backends/http-backends.js';
import { parseHttpEndpointFlag, readHttpEndpoints } from '../../src/http-backends/http-endpoints.js';
import type { HttpTarget } from '../../src/http-backends/http-target.js';

const target = (overrides: Partial<HttpTarget>): HttpTarget => ({
  uri: 'https://api.example.com/v1/{proxy}',
  connectionType: 'INTERNET',
  references: [],
  undeployedAttribute: undefined,
  ...overrides,
});

describe('--http-endpoint', () => {
  it('splits at the first = after an origin or a logical ID, keeping the = of the URL', () => {
    expect(parseHttpEndpointFlag('https://api.example.com=http://127.0.0.1:8080/?a=b')).toEqual([
      'https://api.example.com',
      'http://127.0.0.1:8080/?a=b',
    ]);
    expect(parseHttpEndpointFlag('OrdersLb=http://127.0.0.1:9000')).toEqual([
      'OrdersLb',
      'http://127.0.0.1:9000',
    ]);
    expect(() => parseHttpEndpointFlag('OrdersLb')).toThrow(
      '--http-endpoint takes <origin|logical ID>=<URL>',
    );
  });

  it('refuses an origin with a path and a URL that is not http(s), quoting them', () => {
    expect(() => readHttpEndpoints({ 'https://api.example.com/v1': 'http://127.0.0.1:1' })).toThrow(
      'the HTTP endpoint key "https://api.example.com/v1" must be an origin',
    );
    expect(() => readHttpEndpoints({ Lb: 'ftp://x' })).toThrow('the HTTP endpoint for "Lb" is "ftp://x"');
  });
});

describe('HttpBackends', () => {
  const backends = new HttpBackends({
    'https://api.example.com': 'http://127.0.0.1:8080/base',
    Listener: 'http://127.0.0.1:9000',
  });

  it('replaces a mapped origin, keeping the path and query string after the mapping path', () => {
    const url = backends.urlFor(target({}), 'https://api.example.com/v1/a?b=1', '/prod/x');
    expect(url?.href).toBe('http://127.0.0.1:8080/base/v1/a?b=1');
  });

  it('sends a private integration named by its listener to the mapped URL with the request path', () => {
    const url = backends.urlFor(
      target({ uri: 'abc123', connectionType: 'VPC_LINK', references: ['Listener'] }),
      'abc123',
      '/live/orders?x=1',
    );
    expect(url?.href).toBe('http://127.0.0.1:9000/live/orders?x=1');
  });

  it('leaves an unmapped URL as written, and finds no URL in what is not one', () => {
    expect(
      backends.urlFor(target({ uri: 'https://other.example.com/' }), 'https://other.example.com/', '/')?.href,
    ).toBe('https://other.example.com/');
    expect(backends.urlFor(target({ uri: 'not a url' }), 'not a url', '/')).toBeUndefined();
  });

  it('says why it cannot reach an unmapped private integration or load balancer address, and accepts a plain URL', () => {
    expect(
      backends.refusal(target({ uri: 'x1', connectionType: 'VPC_LINK', references: ['OtherLb', 'Link'] })),
    ).toMatch(
      /reaches its backend OtherLb through a VPC link, .*--http-endpoint OtherLb=http:\/\/127\.0\.0\.1:PORT, or Link,/,
    );
    expect(
      backends.refusal(
        target({ uri: 'http://abc.DNSName/x', undeployedAttribute: 'Nlb.DNSName', references: ['Nlb'] }),
      ),
    ).toMatch(/is made of Nlb\.DNSName, which exists only once deployed/);
    expect(backends.refusal(target({ uri: 'https://other.example.com/{proxy}' }))).toBeUndefined();
    expect(backends.refusal(target({ uri: 'arn:aws:states:::x' }))).toMatch(
      /^Invalid HTTP endpoint specified for URI/,
    );
  });
});
