import { fileURLToPath } from 'node:url';
import { silentLogger } from '@cors-workshop/gateway';
import {
  type BrowserLab,
  browserTest,
  checkLabCall,
  expectLabCall,
  labOrigins,
  readLabSpec,
  sharedAssembly,
  synthStack,
} from '@cors-workshop/testing';
import { describe, expect } from 'vitest';
import {
  CustomCorsRestapiStack,
  type CustomCorsRestapiStackProps,
} from '../lib/custom-cors-restapi-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
/** The calls of the lesson and their predicted verdicts, as the lab (`pnpm start`) shows them. */
const spec = readLabSpec(new URL('../lab.json', import.meta.url));

/** Synthesizes the chapter's stack, bundled so that the local gateway can run its functions. */
function synthesize(props: CustomCorsRestapiStackProps = {}) {
  return synthStack(
    (app) =>
      new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
        stackName: 'custom-cors-restapi-stack',
        ...props,
      }),
    { projectDir, bundling: true },
  );
}

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
    expectLabCall(call, await lab.run(call));
  });
});

describe('the same calls against a broken variant of the chapter: the browser check catches it', () => {
  const missingHeader = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
  const blockedInstead = `the lesson says the browser allows the call, but it was blocked: ${missingHeader}`;

  it('fails exactly the /fails call when the 400 integration response maps no CORS header', async ({
    lab,
  }) => {
    const broken = await lab.serveVariant({
      source: () => synthesize({ corsOnMappedErrors: false }),
      logger: silentLogger,
    });
    try {
      expect(await failingCalls(broken)).toEqual({ 'mapped-error': [blockedInstead] });
    } finally {
      await broken.close();
    }
  });

  it("fails exactly the calls that meet API Gateway's own 403 when there is no DEFAULT_4XX response", async ({
    lab,
  }) => {
    const broken = await lab.serveVariant({
      source: () => synthesize({ corsOnGatewayErrors: false }),
      logger: silentLogger,
    });
    try {
      expect(await failingCalls(broken)).toEqual({
        'gateway-error': [blockedInstead],
        'preflighted-gateway-error': [
          `the browser's reason is “Response to preflight request doesn't pass access control check: ${missingHeader}”, ` +
            "the lesson says “Response to preflight request doesn't pass access control check: It does not have HTTP ok status.”",
        ],
        'json-post-without-method': [blockedInstead],
      });
    } finally {
      await broken.close();
    }
  });
});
