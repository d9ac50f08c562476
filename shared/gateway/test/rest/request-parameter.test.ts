import { describe, expect, it } from 'vitest';
import {
  parseRequestParameterSource,
  parseRequestParameterTarget,
  type RequestParameterInput,
  resolveRequestParameter,
} from '../../src/rest/request-parameter.js';
import type { GatewayRequest } from '../../src/server/gateway-request.js';

const request: GatewayRequest = {
  method: 'POST',
  path: '/prod/items/42',
  rawQuery: 'tag=a&tag=b&page=2',
  rawHeaders: ['X-Trace', 'one', 'x-trace', 'two', 'Content-Type', 'application/json'],
  body: Buffer.from('{"item":{"name":"milk","count":2}}'),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  receivedAt: 0,
};

const input: RequestParameterInput = {
  request,
  pathParameters: { id: '42' },
  context: { requestId: 'req-1', identity: { sourceIp: '127.0.0.1' } },
  stageVariables: { table: 'items' },
};

function value(expression: string): string | undefined {
  const source = parseRequestParameterSource(expression);
  if (!source) throw new Error(`not a source: ${expression}`);
  return resolveRequestParameter(source, input);
}

describe('integration request parameters', () => {
  it('reads the target of a key', () => {
    expect(parseRequestParameterTarget('integration.request.path.id')).toEqual({
      location: 'path',
      name: 'id',
    });
    expect(parseRequestParameterTarget('integration.request.header.X-Amz-Target')).toEqual({
      location: 'header',
      name: 'X-Amz-Target',
    });
    expect(parseRequestParameterTarget('method.request.path.id')).toBeUndefined();
  });

  it.for([
    ["'static text'", 'static text'],
    ['method.request.path.id', '42'],
    ['method.request.querystring.tag', 'b'],
    ['method.request.multivaluequerystring.tag', 'a,b'],
    ['method.request.header.x-trace', 'one'],
    ['method.request.multivalueheader.X-Trace', 'one,two'],
    ['method.request.body', '{"item":{"name":"milk","count":2}}'],
    ['method.request.body.item.name', 'milk'],
    ['method.request.body.item', '{"name":"milk","count":2}'],
    ['context.requestId', 'req-1'],
    ['context.identity.sourceIp', '127.0.0.1'],
    ['stageVariables.table', 'items'],
  ] as const)('resolves %s to %s', ([expression, expected]) => {
    expect(value(expression)).toBe(expected);
  });

  it('has no value for what the request lacks', () => {
    expect(value('method.request.header.Missing')).toBeUndefined();
    expect(value('method.request.body.item.missing')).toBeUndefined();
    expect(value('stageVariables.none')).toBeUndefined();
  });

  it('refuses an unquoted static value and a source that does not exist', () => {
    expect(parseRequestParameterSource('items')).toBeUndefined();
    expect(parseRequestParameterSource('method.response.header.X')).toBeUndefined();
    expect(parseRequestParameterSource(true)).toBeUndefined();
  });
});
