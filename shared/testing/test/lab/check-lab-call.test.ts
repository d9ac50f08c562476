import { describe, expect, it } from 'vitest';
import { checkLabCall } from '../../src/lab/check-lab-call.js';
import type { ExplainedExchange } from '../../src/lab/explain-cors.js';
import { type LabCall, parseLabSpec } from '../../src/lab/lab-spec.js';

const ORIGIN = 'http://localhost:5173';
const NO_HEADER = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";

function labCall(expect: Record<string, unknown>, extra: Record<string, unknown> = {}): LabCall {
  const spec = parseLabSpec(
    {
      title: 'Example',
      calls: [{ id: 'c', title: 'A call', why: 'Because.', api: 'Api', origin: ORIGIN, expect, ...extra }],
    },
    'lab.json',
  );
  return spec.calls[0] as LabCall;
}

const get = (status: number, headers: Array<[string, string]>): ExplainedExchange => ({
  request: { method: 'GET', headers: [['Origin', ORIGIN]] },
  response: { status, headers },
});

const allowedExchange = get(200, [['Access-Control-Allow-Origin', '*']]);
const blockedExchange = get(200, []);

describe('checkLabCall', () => {
  it('finds nothing wrong when the lesson holds', () => {
    const call = labCall({ verdict: 'allowed', status: 200, body: 'ok', gatewaySaw: ['GET 200'] });
    const check = checkLabCall(call, {
      result: { verdict: 'allowed', status: 200, body: 'ok', headers: {} },
      exchanges: [allowedExchange],
    });

    expect(check.mismatches).toEqual([]);
    expect(check.explanation.verdict).toBe('allowed');
  });

  it("reports a blocked call the lesson allows, with the browser's reason", () => {
    const check = checkLabCall(labCall({ verdict: 'allowed' }), {
      result: { verdict: 'blocked', error: 'TypeError: Failed to fetch' },
      consoleReason: NO_HEADER,
      exchanges: [blockedExchange],
    });

    expect(check.mismatches).toEqual([
      `the lesson says the browser allows the call, but it was blocked: ${NO_HEADER}`,
    ]);
  });

  it('reports an allowed call the lesson blocks, with what the page read', () => {
    const check = checkLabCall(labCall({ verdict: 'blocked' }), {
      result: { verdict: 'allowed', status: 200, body: 'ok', headers: {} },
      exchanges: [allowedExchange],
    });

    expect(check.mismatches).toEqual([
      'the lesson says the browser blocks the call, but it was allowed: the page read 200 “ok”',
    ]);
  });

  it('reports a different status, body, or a header the page cannot read', () => {
    const call = labCall({ verdict: 'allowed', status: 200, body: 'ok', readable: ['x-request-id'] });
    const check = checkLabCall(call, {
      result: { verdict: 'allowed', status: 201, body: 'created', headers: { 'x-request-id': null } },
      exchanges: [get(201, [['Access-Control-Allow-Origin', '*']])],
    });

    expect(check.mismatches).toEqual([
      'the page read the status 201, the lesson says 200',
      'the page read the body “created”, the lesson says “ok”',
      'the page could not read the response header x-request-id',
    ]);
  });

  it("compares the lesson's reason with the console's, or with the lab's explanation when there is none", () => {
    const call = labCall({ verdict: 'blocked', reason: 'is not allowed by Access-Control-Allow-Headers' });
    const observation = {
      result: { verdict: 'blocked', error: 'TypeError: Failed to fetch' } as const,
      exchanges: [blockedExchange],
    };

    expect(checkLabCall(call, observation).mismatches).toEqual([
      `the browser's reason is “${NO_HEADER}”, the lesson says “is not allowed by Access-Control-Allow-Headers”`,
    ]);
    expect(checkLabCall(call, { ...observation, consoleReason: NO_HEADER }).mismatches).toHaveLength(1);
  });

  it('reports the requests the gateway saw when they differ from the lesson', () => {
    const check = checkLabCall(labCall({ verdict: 'blocked', gatewaySaw: ['OPTIONS 204'] }), {
      result: { verdict: 'blocked', error: 'TypeError: Failed to fetch' },
      exchanges: [blockedExchange],
    });

    expect(check.mismatches).toEqual(['the gateway saw [GET 200], the lesson says [OPTIONS 204]']);
  });

  it('reports an explanation that disagrees with the verdict or with the console', () => {
    const call = labCall({ verdict: 'blocked' });
    const blocked = { verdict: 'blocked', error: 'TypeError: Failed to fetch' } as const;

    expect(checkLabCall(call, { result: blocked, exchanges: [allowedExchange] }).mismatches).toEqual([
      'the lab explains the call as allowed (No preflight was needed. The response allows the origin with ' +
        'Access-Control-Allow-Origin: *.), but it was blocked',
    ]);
    expect(
      checkLabCall(call, { result: blocked, consoleReason: 'Something else.', exchanges: [blockedExchange] })
        .mismatches,
    ).toEqual([`the lab explains “${NO_HEADER}”, but the browser says “Something else.”`]);
  });
});
