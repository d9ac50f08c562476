import { describe, expect, it } from 'vitest';
import { browserRequest, type FetchInput } from '../../src/cors/browser-request.js';
import { corsFetch } from '../../src/cors/cors-fetch.js';
import type { WireResponse } from '../../src/cors/exchange.js';
import { explainOutcome } from '../../src/cors/explain-outcome.js';

const ORIGIN = 'http://localhost:5173';

async function explain(
  input: Partial<FetchInput>,
  answer: Partial<WireResponse>,
  readHeaders: string[] = [],
) {
  const request = browserRequest({ url: 'http://127.0.0.1:3100/prod/', origin: ORIGIN, ...input });
  const outcome = await corsFetch(
    request,
    async () => ({ status: 200, statusText: '', headers: [], body: '', ...answer }),
    { readHeaders },
  );
  return explainOutcome(outcome, request);
}

describe('explainOutcome', () => {
  it('says why a preflight was needed, header by header', async () => {
    const text = await explain(
      {
        method: 'POST',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Trace', '1'],
          ['Accept', 'a'.repeat(200)],
        ],
        body: '{}',
      },
      { status: 204 },
    );
    expect(text).toContain(
      'OPTIONS preflight (x-trace is not a safelisted header, and Content-Type application/json is not one of the three types a form can send, and the value of Accept is longer than 128 bytes)',
    );
    expect(text).toContain(
      'The answer has no Access-Control-Allow-Origin header. So the browser never sent the request itself.',
    );
  });

  it('warns that the request reached the server when only its answer is hidden', async () => {
    const text = await explain(
      { method: 'POST', body: 'x' },
      { headers: [['Access-Control-Allow-Origin', 'https://app.example.com']] },
    );
    expect(text).toContain('The request reached the server, which answered 200: whatever it does, it did.');
    expect(text).toContain(
      "allows the origin 'https://app.example.com', but the request came from 'http://localhost:5173'",
    );
  });

  it('warns that only Chromium lets Authorization through Access-Control-Allow-Headers: *', async () => {
    const text = await explain(
      { headers: [['Authorization', 'Bearer t']] },
      {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', '*'],
        ],
      },
    );
    expect(text).toContain('Firefox and Safari refuse it: list authorization by name.');
  });

  it('lists every refused header and says Chromium names only one', async () => {
    const text = await explain(
      {
        headers: [
          ['X-B', '1'],
          ['X-A', '1'],
        ],
      },
      { status: 204, headers: [['Access-Control-Allow-Origin', '*']] },
    );
    expect(text).toContain('The request sets x-b and x-a, which the server must allow');
    expect(text).toContain("Chromium's message names only x-a; all of them are missing.");
  });

  it('says which header a page cannot read and which ones it always can', async () => {
    const text = await explain(
      {},
      {
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['X-Request-Id', 'r1'],
        ],
      },
      ['X-Request-Id', 'X-Missing'],
    );
    expect(text).toContain('X-Request-Id is sent but not listed in Access-Control-Expose-Headers');
    expect(text).toContain('The response has no X-Missing header');
  });

  it('names the redirect that failed the CORS check', async () => {
    const text = await explain({}, { status: 302, headers: [['Location', '/prod/next']] });
    expect(text).toContain(
      'The server answered the request with a redirect (302 to /prod/next). The answer has no Access-Control-Allow-Origin header.',
    );
  });
});
