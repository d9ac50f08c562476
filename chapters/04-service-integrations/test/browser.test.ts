import { fileURLToPath } from 'node:url';
import { silentLogger } from '@cors-workshop/gateway';
import {
  type BrowserLab,
  browserTest,
  checkLabCall,
  expectLabCall,
  type LabCall,
  labOrigins,
  readLabSpec,
  sharedAssembly,
  synthStack,
} from '@cors-workshop/testing';
import type { CfnGatewayResponse, CfnMethod } from 'aws-cdk-lib/aws-apigateway';
import type { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { describe, expect } from 'vitest';
import { ServiceIntegrationsStack } from '../lib/service-integrations-stack.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
/** The calls of the lesson and their predicted verdicts, as the lab (`pnpm start`) shows them. */
const spec = readLabSpec(new URL('../lab.json', import.meta.url));

/** A variant needs its own gateway, with a fresh DynamoDB and Kinesis: give it time on a slow machine. */
const VARIANT_TIMEOUT = 180_000;

/**
 * Synthesizes the chapter's stack; `alter` changes it first, the way a mistake in the lesson's code would.
 * The stack has no function, so nothing needs bundling.
 */
function synthesize(alter: (stack: ServiceIntegrationsStack) => void = () => {}) {
  return synthStack(
    (app) => {
      const stack = new ServiceIntegrationsStack(app, 'ServiceIntegrationsStack', {
        stackName: 'service-integrations-stack',
      });
      alter(stack);
    },
    { projectDir },
  );
}

/** The call of `lab.json` with this ID. */
function labCall(id: string): LabCall {
  const call = spec.calls.find((candidate) => candidate.id === id);
  if (call === undefined) throw new Error(`lab.json has no call with the id ${JSON.stringify(id)}`);
  return call;
}

const it = browserTest({ source: sharedAssembly, origins: labOrigins([spec]), logger: silentLogger });

/** Runs every call of the lab, in order; returns, by call ID, the mismatches of the calls that went wrong. */
async function failingCalls(lab: BrowserLab): Promise<Record<string, readonly string[]>> {
  const failing: Record<string, readonly string[]> = {};
  for (const call of spec.calls) {
    const { mismatches } = checkLabCall(call, await lab.run(call));
    if (mismatches.length > 0) failing[call.id] = mismatches;
  }
  return failing;
}

// The calls run in the order of lab.json against one gateway, so GET /items reads what POST /items wrote.
describe("Chromium's verdict on every call of the lab (lab.json)", () => {
  it.for(spec.calls.map((call) => [call.title, call] as const))('%s', async ([, call], { lab }) => {
    expectLabCall(call, await lab.run(call));
  });
});

describe('the same calls against a broken variant of the chapter: the browser check catches it', () => {
  const missingHeader = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
  const blockedInstead = `the lesson says the browser allows the call, but it was blocked: ${missingHeader}`;

  it('fails exactly the refused item when the 400 integration response maps no CORS header', {
    timeout: VARIANT_TIMEOUT,
  }, async ({ lab }) => {
    const broken = await lab.serveVariant({
      source: () =>
        synthesize((stack) => {
          const post = stack.restApi.root.resourceForPath('items').node.findChild('POST');
          (post.node.defaultChild as CfnMethod).addPropertyDeletionOverride(
            'Integration.IntegrationResponses.1.ResponseParameters',
          );
        }),
      logger: silentLogger,
    });
    try {
      expect(await failingCalls(broken)).toEqual({ 'items-refused': [blockedInstead] });
    } finally {
      await broken.close();
    }
  });

  it('fails exactly the text/plain call when the DEFAULT_4XX gateway response adds no CORS header', {
    timeout: VARIANT_TIMEOUT,
  }, async ({ lab }) => {
    const broken = await lab.serveVariant({
      source: () =>
        synthesize((stack) => {
          const default4xx = stack.restApi.node.findChild('Default4xx');
          (default4xx.node.defaultChild as CfnGatewayResponse).addPropertyDeletionOverride(
            'ResponseParameters',
          );
        }),
      logger: silentLogger,
    });
    try {
      expect(await failingCalls(broken)).toEqual({ 'items-plain-text': [blockedInstead] });
    } finally {
      await broken.close();
    }
  });
});

describe('EventsHttpApi with a list of origins instead of *', () => {
  const listedOrigin = 'http://localhost:5173';
  const unlistedOrigin = 'http://localhost:3000';

  it('allows the lab from the listed page, and stops a page it does not list at the preflight', {
    timeout: VARIANT_TIMEOUT,
  }, async ({ lab }) => {
    const listed = await lab.serveVariant({
      source: () =>
        synthesize((stack) => {
          (stack.httpApi.node.defaultChild as CfnApi).addPropertyOverride('CorsConfiguration.AllowOrigins', [
            listedOrigin,
          ]);
        }),
      logger: silentLogger,
    });
    try {
      const put = labCall('events-json-post');
      const fromUnlistedPage: LabCall = {
        ...put,
        id: 'events-unlisted-origin',
        title: 'A JSON POST /events from an origin the CorsConfiguration does not list is blocked',
        origin: unlistedOrigin,
        expect: {
          verdict: 'blocked',
          reason:
            "Response to preflight request doesn't pass access control check: " +
            "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
          gatewaySaw: ['OPTIONS 204'],
        },
      };

      expect(put.origin).toBe(listedOrigin);
      expect(await failingCalls(listed)).toEqual({});
      const run = await listed.run(fromUnlistedPage);
      expect(run.result.verdict).toBe('blocked');
      expect(checkLabCall(fromUnlistedPage, run).mismatches).toEqual([]);
    } finally {
      await listed.close();
    }
  });
});
