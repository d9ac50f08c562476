import { describe, expect, it } from 'vitest';
import { methodRequestHeaders } from '../../src/rest/method-request-headers.js';
import type { GatewayRequest } from '../../src/server/gateway-request.js';

const request = (rawHeaders: string[]): GatewayRequest => ({
  method: 'GET',
  path: '/prod/',
  rawQuery: '',
  rawHeaders,
  body: Buffer.alloc(0),
  sourceIp: '::ffff:127.0.0.1',
  protocol: 'HTTP/1.1',
  receivedAt: 0,
});

describe('methodRequestHeaders', () => {
  it('withholds hop-by-hop and reserved headers and keeps the rest in the client’s order and case', () => {
    const headers = methodRequestHeaders(
      request([
        'host',
        '127.0.0.1:4321',
        'Connection',
        'keep-alive',
        'Content-Length',
        '2',
        'tEsT-HEADeR',
        'v',
        'TE',
        'x',
      ]),
      'Root=1-a-b',
    );
    expect(headers.map(([n]) => n)).toEqual([
      'Host',
      'tEsT-HEADeR',
      'X-Amzn-Trace-Id',
      'X-Forwarded-For',
      'X-Forwarded-Port',
      'X-Forwarded-Proto',
    ]);
  });

  it('writes Authorization and User-Agent in API Gateway’s case', () => {
    const headers = methodRequestHeaders(request(['aUThorization', 'a', 'user-agent', 'u']), 't');
    expect(headers.slice(0, 2)).toEqual([
      ['Authorization', 'a'],
      ['User-Agent', 'u'],
    ]);
  });

  it('replaces the client’s trace and forwarding headers, appending its address to X-Forwarded-For', () => {
    const headers = new Map(
      methodRequestHeaders(
        request([
          'Host',
          'h:8080',
          'x-amzn-trace-id',
          'Root=old',
          'X-Forwarded-For',
          '10.0.0.1',
          'X-Forwarded-Proto',
          'https',
        ]),
        'Root=new',
      ),
    );
    expect(headers.get('X-Amzn-Trace-Id')).toBe('Root=new');
    expect(headers.get('X-Forwarded-For')).toBe('10.0.0.1, 127.0.0.1');
    expect(headers.get('X-Forwarded-Port')).toBe('8080');
    expect(headers.get('X-Forwarded-Proto')).toBe('http');
    expect(headers.has('x-amzn-trace-id')).toBe(false);
  });
});
