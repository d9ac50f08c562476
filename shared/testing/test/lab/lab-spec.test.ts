import { describe, expect, it } from 'vitest';
import { labOrigins, parseLabSpec } from '../../src/lab/lab-spec.js';

const FILE = 'chapters/99-example/lab.json';

/** A valid call, to be varied by each test. */
function call(overrides: Record<string, unknown> = {}) {
  return {
    id: 'simple-get',
    title: 'A simple GET is allowed',
    why: 'The answer carries Access-Control-Allow-Origin: *.',
    api: 'ExampleApi1234',
    origin: 'http://localhost:3000',
    expect: { verdict: 'allowed', status: 200 },
    ...overrides,
  };
}

const spec = (...calls: unknown[]) => ({ title: 'Example', calls });

describe('parseLabSpec', () => {
  it('fills in the defaults of a call: GET, the root path, no headers, same-origin credentials', () => {
    const parsed = parseLabSpec(spec(call()), FILE);

    expect(parsed).toEqual({
      title: 'Example',
      calls: [
        {
          id: 'simple-get',
          title: 'A simple GET is allowed',
          why: 'The answer carries Access-Control-Allow-Origin: *.',
          api: 'ExampleApi1234',
          path: '',
          origin: 'http://localhost:3000',
          method: 'GET',
          headers: {},
          credentials: 'same-origin',
          expect: { verdict: 'allowed', status: 200 },
        },
      ],
    });
  });

  it('keeps every field a call may set', () => {
    const full = call({
      path: 'profile',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'include',
      expect: {
        verdict: 'allowed',
        status: 200,
        body: '{}',
        readable: ['x-request-id'],
        gatewaySaw: ['OPTIONS 204', 'POST 200'],
      },
    });

    expect(parseLabSpec(spec(full), FILE).calls[0]).toEqual({ ...full });
  });

  it.for([
    [
      { origin: 'https://app.example.com' },
      'call "simple-get": origin must be http://localhost:<port>, got "https://app.example.com"',
    ],
    [{ method: 'get' }, 'call "simple-get": method must be upper case, got "get"'],
    [{ path: '/greeting' }, 'call "simple-get": path must be relative (no leading /), got "/greeting"'],
    [
      { credentials: 'always' },
      'call "simple-get": credentials must be omit, same-origin or include, got "always"',
    ],
    [{ id: 'Simple GET' }, 'calls[0].id must be kebab case, got "Simple GET"'],
    [{ why: '' }, 'call "simple-get": why must be a non-empty string, got ""'],
    [
      { headers: { 'X-Count': 1 } },
      'call "simple-get": headers must map names to strings, got {"X-Count":1}',
    ],
    [
      { expect: { verdict: 'maybe' } },
      'call "simple-get": expect.verdict must be allowed or blocked, got "maybe"',
    ],
    [
      { expect: { verdict: 'blocked', status: 200 } },
      'call "simple-get": expect.status applies only to allowed calls, but the verdict is blocked',
    ],
    [
      { expect: { verdict: 'allowed', reason: 'No header' } },
      'call "simple-get": expect.reason applies only to blocked calls, but the verdict is allowed',
    ],
    [
      { expect: { verdict: 'allowed', status: 99 } },
      'call "simple-get": expect.status must be an HTTP status, got 99',
    ],
    [
      { expect: { verdict: 'allowed', gatewaySaw: ['GET'] } },
      'call "simple-get": expect.gatewaySaw must be a list of "METHOD STATUS" strings, got ["GET"]',
    ],
  ] as const)('refuses %o, quoting the bad value', ([overrides, message]) => {
    expect(() => parseLabSpec(spec(call(overrides)), FILE)).toThrow(`${FILE}: ${message}`);
  });

  it('refuses two calls with the same id', () => {
    expect(() => parseLabSpec(spec(call(), call()), FILE)).toThrow(
      `${FILE}: calls[1].id repeats the id "simple-get"`,
    );
  });

  it('refuses a file without calls', () => {
    expect(() => parseLabSpec({ title: 'Example', calls: [] }, FILE)).toThrow(
      `${FILE}: calls must be a non-empty list, got []`,
    );
  });

  it('refuses a file that is not an object', () => {
    expect(() => parseLabSpec([], FILE)).toThrow(`${FILE}: the file must be an object, got []`);
  });
});

describe('labOrigins', () => {
  it('lists every origin of every spec once, sorted', () => {
    const first = parseLabSpec(spec(call({ origin: 'http://localhost:5173' }), call({ id: 'b' })), FILE);
    const second = parseLabSpec(spec(call()), FILE);

    expect(labOrigins([first, second])).toEqual(['http://localhost:3000', 'http://localhost:5173']);
  });
});
