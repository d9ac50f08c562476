import { describe, expect, it } from 'vitest';
import { type ExplainedExchange, explainCors } from '../../src/lab/explain-cors.js';

const ORIGIN = 'http://localhost:5173';

type Headers = Array<[string, string]>;

function exchange(method: string, requestHeaders: Headers, status: number, responseHeaders: Headers) {
  return {
    request: { method, headers: requestHeaders },
    response: { status, headers: responseHeaders },
  } satisfies ExplainedExchange;
}

function preflight(asked: { method: string; headers?: string }, status: number, answer: Headers) {
  const requestHeaders: Headers = [
    ['Origin', ORIGIN],
    ['Access-Control-Request-Method', asked.method],
  ];
  if (asked.headers !== undefined) requestHeaders.push(['Access-Control-Request-Headers', asked.headers]);
  return exchange('OPTIONS', requestHeaders, status, answer);
}

/** A preflight answer allowing every origin, two methods and two headers. */
const allowAll: Headers = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Allow-Methods', 'GET,PUT'],
  ['Access-Control-Allow-Headers', 'Content-Type,X-Api-Key'],
];

const actual = (status: number, answer: Headers, method = 'GET') =>
  exchange(method, [['Origin', ORIGIN]], status, answer);

describe('explainCors: the actual response', () => {
  it('allows a response whose Access-Control-Allow-Origin is *', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [actual(200, [['Access-Control-Allow-Origin', '*']])],
    });

    expect(explanation).toEqual({
      verdict: 'allowed',
      decidedBy: 'response',
      reason: 'No preflight was needed. The response allows the origin with Access-Control-Allow-Origin: *.',
    });
  });

  it('blocks a response without Access-Control-Allow-Origin, whatever its status', () => {
    const explanation = explainCors({ origin: ORIGIN, credentials: 'omit', exchanges: [actual(403, [])] });

    expect(explanation).toEqual({
      verdict: 'blocked',
      decidedBy: 'response',
      reason: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    });
  });

  it('finds the header whatever the case of its name', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'omit',
      exchanges: [actual(200, [['access-control-allow-origin', ORIGIN]])],
    });

    expect(explanation.verdict).toBe('allowed');
  });

  it('blocks * when the call sends credentials', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'include',
      exchanges: [actual(200, [['Access-Control-Allow-Origin', '*']])],
    });

    expect(explanation.reason).toBe(
      "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' " +
        "when the request's credentials mode is 'include'.",
    );
  });

  it('blocks another origin, quoting it', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [actual(200, [['Access-Control-Allow-Origin', 'https://app.example.com']])],
    });

    expect(explanation.reason).toBe(
      "The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com' that is not equal to the supplied origin.",
    );
  });

  it('blocks two Access-Control-Allow-Origin headers, joined as the browser joins them', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [
        actual(200, [
          ['Access-Control-Allow-Origin', ORIGIN],
          ['Access-Control-Allow-Origin', ORIGIN],
        ]),
      ],
    });

    expect(explanation.reason).toBe(
      `The 'Access-Control-Allow-Origin' header contains multiple values '${ORIGIN}, ${ORIGIN}', but only one is allowed.`,
    );
  });

  it('blocks an echoed origin with credentials unless Access-Control-Allow-Credentials is true', () => {
    const echoed: Headers = [['Access-Control-Allow-Origin', ORIGIN]];
    const without = explainCors({ origin: ORIGIN, credentials: 'include', exchanges: [actual(200, echoed)] });
    const withIt = explainCors({
      origin: ORIGIN,
      credentials: 'include',
      exchanges: [actual(200, [...echoed, ['Access-Control-Allow-Credentials', 'true']])],
    });

    expect(without.reason).toBe(
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' " +
        "when the request's credentials mode is 'include'.",
    );
    expect(withIt.verdict).toBe('allowed');
    expect(withIt.reason).toContain('and Access-Control-Allow-Credentials: true');
  });
});

describe('explainCors: the preflight', () => {
  it('blocks a preflight answer without Access-Control-Allow-Origin, saying it was the preflight', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [preflight({ method: 'POST', headers: 'content-type' }, 204, [])],
    });

    expect(explanation).toEqual({
      verdict: 'blocked',
      decidedBy: 'preflight',
      reason:
        "Response to preflight request doesn't pass access control check: " +
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    });
  });

  it('blocks a preflight answer that is not a 2XX', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [preflight({ method: 'PUT' }, 403, [['Access-Control-Allow-Origin', '*']])],
    });

    expect(explanation.reason).toBe(
      "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    );
  });

  it('blocks a method the preflight does not list, and names it', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [preflight({ method: 'DELETE' }, 204, allowAll)],
    });

    expect(explanation.reason).toBe(
      'Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response.',
    );
  });

  it('lets a safelisted method through whatever the list says', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [
        preflight({ method: 'POST', headers: 'x-api-key' }, 204, allowAll),
        actual(200, [['Access-Control-Allow-Origin', '*']], 'POST'),
      ],
    });

    expect(explanation.verdict).toBe('allowed');
    expect(explanation.reason).toContain('The preflight allowed the method and headers.');
  });

  it('reads * in Access-Control-Allow-Methods as every method only without credentials', () => {
    const answer: Headers = [
      ['Access-Control-Allow-Origin', ORIGIN],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', '*'],
    ];
    const exchanges = [preflight({ method: 'PATCH' }, 204, answer), actual(200, answer, 'PATCH')];

    expect(explainCors({ origin: ORIGIN, credentials: 'same-origin', exchanges }).verdict).toBe('allowed');
    expect(explainCors({ origin: ORIGIN, credentials: 'include', exchanges }).reason).toBe(
      'Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.',
    );
  });

  it('blocks the first request header the preflight does not list, compared without regard to case', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [preflight({ method: 'GET', headers: 'content-type,x-api-key,x-trace' }, 204, allowAll)],
    });

    expect(explanation.reason).toBe(
      'Request header field x-trace is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
  });

  it('reads * in Access-Control-Allow-Headers as every header but authorization, without credentials', () => {
    const answer: Headers = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', '*'],
    ];
    const ask = (headers: string) => ({
      origin: ORIGIN,
      credentials: 'same-origin' as const,
      exchanges: [preflight({ method: 'GET', headers }, 204, answer), actual(200, answer)],
    });

    expect(explainCors(ask('x-trace')).verdict).toBe('allowed');
    expect(explainCors(ask('authorization')).reason).toBe(
      'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
  });

  it('checks the actual response after a preflight that passed', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [
        preflight({ method: 'PUT', headers: 'content-type' }, 204, allowAll),
        actual(403, [], 'PUT'),
      ],
    });

    expect(explanation).toEqual({
      verdict: 'blocked',
      decidedBy: 'response',
      reason: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    });
  });
});

describe('explainCors: what the exchanges do not settle', () => {
  it('cannot say anything when the gateway saw no request', () => {
    const explanation = explainCors({ origin: ORIGIN, credentials: 'same-origin', exchanges: [] });

    expect(explanation).toEqual({ verdict: 'unknown', reason: 'The gateway saw no request for this call.' });
  });

  it('cannot say anything when a preflight passed and no actual request followed', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [preflight({ method: 'PUT' }, 204, allowAll)],
    });

    expect(explanation.verdict).toBe('unknown');
    expect(explanation.decidedBy).toBe('preflight');
  });

  it('takes an OPTIONS without Access-Control-Request-Method for an actual request', () => {
    const explanation = explainCors({
      origin: ORIGIN,
      credentials: 'same-origin',
      exchanges: [exchange('OPTIONS', [['Origin', ORIGIN]], 204, [])],
    });

    expect(explanation.decidedBy).toBe('response');
    expect(explanation.verdict).toBe('blocked');
  });
});
