import { describe, expect, it } from 'vitest';
import type { HttpEventInput } from '../../src/http/event-input.js';
import type { HttpApiModel, HttpRoute } from '../../src/http/http-api-model.js';
import { httpProxyEventV2, joinedQueryParameters } from '../../src/http/payload-v2-event.js';
import { parseRouteKey, type RouteKey } from '../../src/http/route-key.js';
import type { GatewayRequest } from '../../src/server/gateway-request.js';

const route: HttpRoute = {
  logicalId: 'Route',
  routeId: 'r1',
  key: parseRouteKey('POST /items/{id}') as RouteKey,
  integration: undefined as never,
};

function input(request: Partial<GatewayRequest>): HttpEventInput {
  return {
    api: { accountId: '123456789012', apiId: 'abc123' } as HttpApiModel,
    stage: { name: '$default', variables: null, throttling: { defaults: undefined, routes: new Map() } },
    match: { route, pathParameters: { id: '7' } },
    request: {
      method: 'POST',
      path: '/items/7',
      rawQuery: '',
      rawHeaders: ['Host', 'abc123.execute-api.us-east-1.amazonaws.com'],
      body: Buffer.alloc(0),
      sourceIp: '::ffff:203.0.113.9',
      protocol: 'HTTP/1.1',
      receivedAt: Date.UTC(2026, 10, 25, 12, 50, 42, 123),
      ...request,
    },
    requestId: 'eFPZ2jtpoAMEVjQ=',
    traceId: 'Root=1-00000000-000000000000000000000000;Sampled=0',
  };
}

describe('httpProxyEventV2', () => {
  it('has the members of the documented example, in its order', () => {
    const event = httpProxyEventV2(
      input({
        rawQuery: 'a=1',
        rawHeaders: [
          'Host',
          'abc123.execute-api.us-east-1.amazonaws.com',
          'Content-Type',
          'application/json',
          'Cookie',
          'c=1',
        ],
        body: Buffer.from('{}'),
      }),
    );

    expect(Object.keys(event)).toEqual([
      'version',
      'routeKey',
      'rawPath',
      'rawQueryString',
      'cookies',
      'headers',
      'queryStringParameters',
      'requestContext',
      'body',
      'pathParameters',
      'isBase64Encoded',
    ]);
  });

  it('fills the request context from the request and the API', () => {
    expect(httpProxyEventV2(input({})).requestContext).toEqual({
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'POST',
        path: '/items/7',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: '',
      },
      requestId: 'eFPZ2jtpoAMEVjQ=',
      routeKey: 'POST /items/{id}',
      stage: '$default',
      time: '25/Nov/2026:12:50:42 +0000',
      timeEpoch: Date.UTC(2026, 10, 25, 12, 50, 42, 123),
    });
  });

  it('appends the caller to an x-forwarded-for the client sent', () => {
    const event = httpProxyEventV2(input({ rawHeaders: ['X-Forwarded-For', '198.51.100.1'] }));

    expect(event.headers['x-forwarded-for']).toBe('198.51.100.1, 203.0.113.9');
    expect(event.headers['x-forwarded-port']).toBe('80');
  });

  it('passes stage variables when the stage has some', () => {
    const withVariables = {
      ...input({}),
      stage: {
        name: 'dev',
        variables: { table: 'items' },
        throttling: { defaults: undefined, routes: new Map() },
      },
    };

    expect(httpProxyEventV2(withVariables).stageVariables).toEqual({ table: 'items' });
  });
});

describe('joinedQueryParameters', () => {
  it('decodes names and values and joins repeated names with commas', () => {
    expect(joinedQueryParameters('a=1&a=2&b=x+y&c=%41&d')).toEqual({ a: '1,2', b: 'x y', c: 'A', d: '' });
  });

  it('keeps a name that is also an Object.prototype member as an ordinary parameter', () => {
    expect(joinedQueryParameters('constructor=1&toString=2')).toEqual({ constructor: '1', toString: '2' });
  });

  it('gives undefined for an empty query or one without parameters', () => {
    expect(joinedQueryParameters('')).toBeUndefined();
    expect(joinedQueryParameters('&&')).toBeUndefined();
  });

  it('keeps a malformed escape as it was sent', () => {
    expect(joinedQueryParameters('a=%E0%A4')).toEqual({ a: '%E0%A4' });
  });
});
