import type { GatewayExchange } from '@cors-workshop/gateway';
import { describe, expect, it } from 'vitest';
import { ExchangeLog } from '../../src/lab/browser-lab.js';

function exchange(method: string, url: string): GatewayExchange {
  return {
    api: { stack: 'stack', logicalId: 'Api', kind: 'REST' },
    receivedAt: 0,
    durationMs: 1,
    request: { method, url, headers: [], body: '' },
    response: { status: 204, headers: [], body: '' },
    integration: 'MOCK',
  };
}

describe('ExchangeLog', () => {
  it("finds a tag's exchanges in the order the gateway answered them, and only those", () => {
    const log = new ExchangeLog();
    const { record } = log;
    record(exchange('OPTIONS', '/prod/?lab=a-1'));
    record(exchange('GET', '/prod/'));
    record(exchange('OPTIONS', '/prod/?lab=a-10'));
    record(exchange('GET', '/prod/?lab=a-1'));

    expect(log.tagged('a-1').map((found) => found.request.method)).toEqual(['OPTIONS', 'GET']);
    expect(log.tagged('a-2')).toEqual([]);
  });
});
