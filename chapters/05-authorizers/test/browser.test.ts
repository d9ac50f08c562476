import { silentLogger } from '@cors-workshop/gateway';
import {
  type BrowserLab,
  browserTest,
  checkLabCall,
  labOrigins,
  readLabSpec,
  sharedAssembly,
  sharedVariant,
} from '@cors-workshop/testing';
import { describe, expect } from 'vitest';

/** The calls of the lesson and their predicted verdicts, as the lab (`pnpm start`) shows them. */
const spec = readLabSpec(new URL('../lab.json', import.meta.url));

// The stack as deployed, and its versions before each fix (see test/global-setup.ts).
const it = browserTest({ source: sharedAssembly, origins: labOrigins([spec]), logger: silentLogger });

/** Runs every call of the lab and returns, by call ID, the mismatches of the calls that went wrong. */
async function failingCalls(lab: BrowserLab): Promise<Record<string, readonly string[]>> {
  const failing: Record<string, readonly string[]> = {};
  for (const call of spec.calls) {
    const { mismatches } = checkLabCall(call, await lab.run(call));
    if (mismatches.length > 0) failing[call.id] = mismatches;
  }
  return failing;
}

describe("Chromium's verdict on every call of the lab (lab.json)", () => {
  it.for(spec.calls.map((call) => [call.title, call] as const))('%s', async ([, call], { lab }) => {
    const run = await lab.run(call);

    expect(run.result.verdict).toBe(call.expect.verdict);
    expect(run.consoleReason !== undefined).toBe(call.expect.verdict === 'blocked');
    expect(checkLabCall(call, run).mismatches).toEqual([]);
  });
});

describe('the same calls against the stack before the fix: the browser check catches it', () => {
  it("turns exactly the authorizers' refusals into CORS errors when there is no DEFAULT_4XX gateway response", async ({
    lab,
  }) => {
    const broken = await lab.serveVariant({
      source: () => sharedVariant('withoutGatewayResponse'),
      logger: silentLogger,
    });
    const blockedInstead =
      "the lesson says the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    try {
      expect(await failingCalls(broken)).toEqual({
        'orders-without-token': [blockedInstead],
        'orders-suspended': [blockedInstead],
        'profile-without-token': [blockedInstead],
      });
    } finally {
      await broken.close();
    }
  });

  it('turns exactly the API-key refusals into CORS errors when CatalogRestApi has no DEFAULT_4XX gateway response', async ({
    lab,
  }) => {
    const broken = await lab.serveVariant({
      source: () => sharedVariant('withoutCatalogGatewayResponse'),
      logger: silentLogger,
    });
    const blockedInstead =
      "the lesson says the browser allows the call, but it was blocked: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    try {
      expect(await failingCalls(broken)).toEqual({
        'catalog-without-key': [blockedInstead],
        'catalog-wrong-key': [blockedInstead],
      });
    } finally {
      await broken.close();
    }
  });

  it('blocks the HTTP API call with a token at its preflight when no OPTIONS route outranks $default', async ({
    lab,
  }) => {
    const broken = await lab.serveVariant({
      source: () => sharedVariant('withoutPreflightRoute'),
      logger: silentLogger,
    });
    try {
      expect(await failingCalls(broken)).toEqual({
        'http-profile-wrong-token': [
          "the lesson says the browser allows the call, but it was blocked: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
          'the gateway saw [OPTIONS 401], the lesson says [OPTIONS 204, GET 401]',
        ],
      });
    } finally {
      await broken.close();
    }
  });
});
