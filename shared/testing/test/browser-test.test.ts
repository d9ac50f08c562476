import { fileURLToPath } from 'node:url';
import { silentLogger } from '@cors-workshop/gateway';
import { describe, expect } from 'vitest';
import { browserTest } from '../src/browser-test.js';
import { checkLabCall } from '../src/lab/check-lab-call.js';
import { labOrigins, parseLabSpec } from '../src/lab/lab-spec.js';
import { synthStack } from '../src/synth-stack.js';
import {
  TINY_ALLOWED_ORIGIN,
  TinyCorsStack,
  type TinyCorsStackProps,
} from './fixtures/tiny-app/tiny-cors-stack.js';

const projectDir = fileURLToPath(new URL('./fixtures/tiny-app/', import.meta.url));
const API = 'TinyCorsApiEE834EA5';

const synthesize = (props: TinyCorsStackProps = {}) =>
  synthStack((app) => new TinyCorsStack(app, 'TinyCorsStack', props), { projectDir });

const spec = parseLabSpec(
  {
    title: 'Tiny',
    calls: [
      {
        id: 'listed',
        title: 'A GET from the listed origin is allowed',
        why: 'The MOCK maps the origin.',
        api: API,
        origin: TINY_ALLOWED_ORIGIN,
        expect: { verdict: 'allowed', status: 200, body: '{"tiny":true}', gatewaySaw: ['GET 200'] },
      },
      {
        id: 'unlisted',
        title: 'A GET from another origin is blocked',
        why: 'The mapped origin is not the caller.',
        api: API,
        origin: 'http://localhost:3000',
        expect: {
          verdict: 'blocked',
          reason: "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173'",
          gatewaySaw: ['GET 200'],
        },
      },
      {
        id: 'header',
        title: 'A GET with an unlisted header is blocked at the preflight',
        why: 'The preflight allows Content-Type only.',
        api: API,
        origin: TINY_ALLOWED_ORIGIN,
        headers: { 'X-Trace': 'lab' },
        expect: {
          verdict: 'blocked',
          reason:
            'Request header field x-trace is not allowed by Access-Control-Allow-Headers in preflight response.',
          gatewaySaw: ['OPTIONS 204'],
        },
      },
    ],
  },
  'tiny lab',
);
const [LISTED, UNLISTED, HEADER] = spec.calls as [
  (typeof spec.calls)[number],
  (typeof spec.calls)[number],
  (typeof spec.calls)[number],
];

const it = browserTest({ source: () => synthesize(), origins: labOrigins([spec]), logger: silentLogger });

describe('browserTest', () => {
  it('makes a call from a page on its origin and reads what the page got', async ({ lab }) => {
    const run = await lab.run(LISTED);

    expect(run.result).toEqual({ verdict: 'allowed', status: 200, body: '{"tiny":true}', headers: {} });
    expect(run.url).toBe(`${lab.gateway.urlOf(API)}?lab=${run.tag}`);
    expect(run.consoleReason).toBeUndefined();
    expect(checkLabCall(LISTED, run).mismatches).toEqual([]);
  });

  it("records Chromium's console reason and the gateway's exchanges of a blocked call", async ({ lab }) => {
    const run = await lab.run(UNLISTED);

    expect(run.result).toEqual({ verdict: 'blocked', error: 'TypeError: Failed to fetch' });
    expect(run.consoleMessage).toBe(
      `Access to fetch at '${run.url}' from origin 'http://localhost:3000' has been blocked by CORS policy: ` +
        "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173' that is not equal to the supplied origin. " +
        'Have the server send the header with a valid value.',
    );
    expect(run.exchanges.map((exchange) => exchange.request.url)).toEqual([`/prod/?lab=${run.tag}`]);
    expect(checkLabCall(UNLISTED, run).mismatches).toEqual([]);
  });

  it('sends a fresh preflight for every run, since each run has its own URL', async ({ lab }) => {
    const first = await lab.run(HEADER);
    const second = await lab.run(HEADER);

    expect(first.tag).not.toBe(second.tag);
    expect(first.exchanges.map((exchange) => exchange.request.method)).toEqual(['OPTIONS']);
    expect(second.exchanges.map((exchange) => exchange.request.method)).toEqual(['OPTIONS']);
    expect(checkLabCall(HEADER, second).mismatches).toEqual([]);
  });

  it('catches a broken variant served to the same browser: the listed origin loses its header', async ({
    lab,
  }) => {
    const broken = await lab.serveVariant({
      source: () => synthesize({ allowOriginOnGet: false }),
      logger: silentLogger,
    });
    try {
      const run = await broken.run(LISTED);

      expect(broken.gateway.url).not.toBe(lab.gateway.url);
      expect(checkLabCall(LISTED, run).mismatches).toEqual([
        "the lesson says the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      ]);
    } finally {
      await broken.close();
    }
  });

  it('fails with the list of served APIs when a call names another one', async ({ lab }) => {
    await expect(lab.run({ ...LISTED, api: 'NoSuchApi' })).rejects.toThrow(
      'No API "NoSuchApi" is served; the gateway serves: TinyCorsStack/TinyCorsApiEE834EA5',
    );
  });
});
