/**
 * What chapter 01 claims about its REST API, as the requests the lesson sends and the answers they must get.
 * `test/transcript.test.ts` checks every claim against the local gateway and compares the README's transcript
 * with a fresh run; `pnpm run transcripts` rewrites that transcript. `scripts/verify.sh` sends the same
 * requests with curl, to a deployed stack as well.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { defineChecks } from '@cors-workshop/verify';
import { DEFAULT_ALLOWED_ORIGINS, ProxyCorsRestapiStack } from './lib/proxy-cors-restapi-stack.js';

const ALLOWED_ORIGIN = DEFAULT_ALLOWED_ORIGINS[1]!;
const OTHER_ORIGIN = 'https://not-allowed.example';

/**
 * The stack the checks run against, synthesized with its functions bundled so the local gateway can run them.
 * The region is pinned, as in the stack test, which reads this very synth (see `test/global-setup.ts`).
 */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) =>
      new ProxyCorsRestapiStack(app, 'ProxyCorsRestapiStack', {
        stackName: 'proxy-cors-restapi-stack',
        env: { region: 'us-east-1' },
      }),
    { projectDir: fileURLToPath(new URL('.', import.meta.url)), bundling: true },
  );
}

/** The chapter's claims, in the order of the lesson. */
export const checks = defineChecks({
  apis: {
    ProxyCorsRestApi: { logicalId: 'ProxyCorsRestApiB964F16B', shownAs: 'http://127.0.0.1:3001/prod/' },
  },
  checks: [
    {
      claim: 'API Gateway answers the preflight of / from the MOCK integration, and no function runs',
      request: { method: 'OPTIONS' },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-headers':
            'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
          'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
          'x-amzn-requestid': true,
          'x-amz-apigw-id': true,
          'x-amzn-trace-id': false,
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim: 'GET / carries the Access-Control-Allow-Origin header RestProxyFn returns, and no other',
      request: { method: 'GET' },
      expect: {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'content-length': '14',
          'access-control-allow-origin': '*',
          'x-amzn-trace-id': true,
        },
        exactCorsHeaders: true,
        body: '{"state":"ok"}',
      },
    },
    {
      claim: 'GET /greeting echoes an allowed origin, with Vary: Origin',
      request: { method: 'GET', path: 'greeting', headers: { Origin: ALLOWED_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': ALLOWED_ORIGIN, vary: 'Origin' },
        exactCorsHeaders: true,
        body: '{"greeting":"hello"}',
      },
    },
    {
      claim: 'GET /greeting says nothing to an origin outside the list, but still varies by origin',
      request: { method: 'GET', path: 'greeting', headers: { Origin: OTHER_ORIGIN } },
      expect: { status: 200, headers: { vary: 'Origin' }, exactCorsHeaders: true },
    },
    {
      claim: 'the preflight of /greeting echoes an allowed origin',
      request: {
        method: 'OPTIONS',
        path: 'greeting',
        headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: { status: 204, headers: { 'access-control-allow-origin': ALLOWED_ORIGIN, vary: 'Origin' } },
      inTranscript: false,
    },
    {
      claim: 'the preflight of /greeting never echoes an origin outside the list',
      request: {
        method: 'OPTIONS',
        path: 'greeting',
        headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: { status: 204, headers: { 'access-control-allow-origin': { not: OTHER_ORIGIN } } },
      inTranscript: false,
    },
  ],
});
