import type { GatewayExchange } from '@cors-workshop/gateway';
import { describe, expect, it } from 'vitest';
import type { LabRun } from '../../src/lab/browser-lab.js';
import { expectLabCall, LabCallMismatchError, labCallReport } from '../../src/lab/lab-call-report.js';
import { type LabCall, parseLabSpec } from '../../src/lab/lab-spec.js';

const ORIGIN = 'http://localhost:5173';
const URL = 'http://127.0.0.1:41234/prod/?lab=t-1';
const NO_HEADER = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";

function labCall(expect: Record<string, unknown>): LabCall {
  const spec = parseLabSpec(
    {
      title: 'Example',
      calls: [{ id: 'simple-get', title: 'A call', why: 'Because.', api: 'Api', origin: ORIGIN, expect }],
    },
    'lab.json',
  );
  return spec.calls[0] as LabCall;
}

function exchange(headers: Array<[string, string]>): GatewayExchange {
  return {
    api: { stack: 's', logicalId: 'Api', kind: 'REST' },
    receivedAt: 0,
    durationMs: 1,
    request: { method: 'GET', url: '/prod/?lab=t-1', headers: [['Origin', ORIGIN]], body: '' },
    response: { status: 200, headers, body: '{"state":"ok"}' },
    integration: 'AWS_PROXY Fn',
  };
}

const blockedRun: LabRun = {
  url: URL,
  tag: 't-1',
  result: { verdict: 'blocked', error: 'TypeError: Failed to fetch' },
  consoleMessage: `Access to fetch at '${URL}' from origin '${ORIGIN}' has been blocked by CORS policy: ${NO_HEADER}`,
  consoleReason: NO_HEADER,
  exchanges: [exchange([])],
};

const allowedRun: LabRun = {
  url: URL,
  tag: 't-1',
  result: { verdict: 'allowed', status: 200, body: '{"state":"ok"}', headers: {} },
  exchanges: [exchange([['Access-Control-Allow-Origin', '*']])],
};

describe('labCallReport', () => {
  it("puts Chromium's reason first, then the prediction, the mismatches and what the gateway saw", () => {
    expect(labCallReport(labCall({ verdict: 'allowed', status: 200 }), blockedRun)).toBe(
      [
        `Chromium blocked GET ${URL}: ${NO_HEADER}`,
        'The lesson predicts (lab.json, call "simple-get"): allowed, status 200.',
        `  - the lesson says the browser allows the call, but it was blocked: ${NO_HEADER}`,
        'The gateway saw: GET 200.',
      ].join('\n'),
    );
  });

  it('says what the page read when Chromium allowed a call the lesson blocks', () => {
    const report = labCallReport(labCall({ verdict: 'blocked', reason: NO_HEADER }), allowedRun);

    expect(report?.split('\n').slice(0, 2)).toEqual([
      `Chromium allowed GET ${URL}: the page read 200 {"state":"ok"}`,
      `The lesson predicts (lab.json, call "simple-get"): blocked, because “${NO_HEADER}”.`,
    ]);
  });

  it('reports a blocked call that left no console message', () => {
    const { consoleReason: _reason, consoleMessage: _message, ...silent } = blockedRun;

    expect(labCallReport(labCall({ verdict: 'blocked' }), silent)).toContain(
      '  - Chromium wrote no CORS message to its console about the blocked call',
    );
  });

  it('has nothing to say when the call behaves as predicted', () => {
    expect(labCallReport(labCall({ verdict: 'blocked', reason: NO_HEADER }), blockedRun)).toBeUndefined();
    expect(labCallReport(labCall({ verdict: 'allowed', status: 200 }), allowedRun)).toBeUndefined();
  });
});

describe('expectLabCall', () => {
  it('throws the report when the call departs from its lesson, and nothing when it does not', () => {
    expect(() => expectLabCall(labCall({ verdict: 'allowed' }), blockedRun)).toThrow(LabCallMismatchError);
    expect(() => expectLabCall(labCall({ verdict: 'allowed' }), blockedRun)).toThrow(
      new RegExp(`^Chromium blocked GET ${URL.replace(/[?.]/g, '\\$&')}: No 'Access`),
    );
    expect(() => expectLabCall(labCall({ verdict: 'allowed' }), allowedRun)).not.toThrow();
  });
});
