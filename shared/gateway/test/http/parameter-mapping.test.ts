import { describe, expect, it } from 'vitest';
import {
  evaluateMappingValue,
  type MappingRequest,
  parseMappingValue,
} from '../../src/http/parameter-mapping.js';
import type { GatewayRequest } from '../../src/server/gateway-request.js';

function requestWith(body: string): MappingRequest {
  const request: GatewayRequest = {
    method: 'POST',
    path: '/events/red',
    rawQuery: 'q=1&q=2&single=x',
    rawHeaders: ['X-Partition', 'p1', 'x-partition', 'p2', 'Content-Type', 'application/json'],
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    receivedAt: 0,
  };
  return {
    request,
    pathParameters: { tag: 'red' },
    context: { requestId: 'abc=', routeKey: 'POST /events/{tag}', identity: { sourceIp: '127.0.0.1' } },
    stageVariables: { stream: 'events' },
  };
}

function evaluate(
  source: string,
  body = '{"itemId":"milk","nested":{"n":1},"list":[1,2]}',
): string | undefined {
  const value = parseMappingValue(source);
  if ('invalid' in value) throw new Error(`invalid: ${value.invalid}`);
  return evaluateMappingValue(value, requestWith(body));
}

describe('HTTP API parameter mapping values', () => {
  it.for([
    ['static text', 'static text'],
    ['$request.body', '{"itemId":"milk","nested":{"n":1},"list":[1,2]}'],
    ['$request.body.itemId', 'milk'],
    ['$request.body.nested', '{"n":1}'],
    ['$request.body.list[1]', '2'],
    ['$request.header.x-partition', 'p1,p2'],
    ['$request.querystring.q', '1,2'],
    ['$request.path.tag', 'red'],
    ['$request.path', '/events/red'],
    ['$context.requestId', 'abc='],
    ['$context.identity.sourceIp', '127.0.0.1'],
    ['$stageVariables.stream', 'events'],
    ['key-$request.body.itemId-$context.requestId', 'key-milk-abc='],
    ['costs $5', 'costs $5'],
  ] as const)('maps %s to %s', ([source, expected]) => {
    expect(evaluate(source)).toBe(expected);
  });

  it('has no value for an expression the request lacks, and reads it as empty inside text', () => {
    expect(evaluate('$request.body.missing')).toBeUndefined();
    expect(evaluate('$request.header.none')).toBeUndefined();
    expect(evaluate('id:$request.body.missing')).toBe('id:');
  });

  it('finds no body paths in a body that is not JSON, but still passes the whole body', () => {
    expect(evaluate('$request.body.itemId', 'not json')).toBeUndefined();
    expect(evaluate('$request.body', 'not json')).toBe('not json');
  });

  it.for([
    '$request.bogus.x',
    '$input.body',
    '$request.body..itemId',
    '$request.body.items[?(@.a)]',
    '$ctx.x',
  ])('refuses the source %s', (source) => {
    expect(parseMappingValue(source)).toEqual({ invalid: source });
  });
});
