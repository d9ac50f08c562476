/**
 * What chapter 02 claims about its REST API with custom integrations, as the requests the lesson sends and
 * the answers they must get. `test/transcript.test.ts` checks every claim against the local gateway and
 * compares the README's transcript with a fresh run; `pnpm run transcripts` rewrites that transcript.
 * `scripts/verify.sh` sends the same requests with curl, to a deployed stack as well.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { defineChecks } from '@cors-workshop/verify';
import { CustomCorsRestapiStack, DEFAULT_ALLOWED_ORIGINS } from './lib/custom-cors-restapi-stack.js';

const [FIRST_ORIGIN, SECOND_ORIGIN] = DEFAULT_ALLOWED_ORIGINS as [string, string];
const OTHER_ORIGIN = 'https://not-allowed.example';

/**
 * The stack the checks run against, synthesized with its functions bundled so the local gateway can run them.
 * The region is pinned, as in the stack test, which reads this very synth (see `test/global-setup.ts`).
 */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) =>
      new CustomCorsRestapiStack(app, 'CustomCorsRestapiStack', {
        stackName: 'custom-cors-restapi-stack',
        env: { region: 'us-east-1' },
      }),
    { projectDir: fileURLToPath(new URL('.', import.meta.url)), bundling: true },
  );
}

/** The chapter's claims, in the order of the lesson. */
export const checks = defineChecks({
  apis: {
    CustomCorsRestApi: { logicalId: 'CustomCorsRestApi3D2B9919', shownAs: 'http://127.0.0.1:3002/prod/' },
  },
  checks: [
    {
      claim: 'API Gateway answers the preflight of / from the MOCK integration, as in chapter 01',
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
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim:
        'GET / runs CustomFn between its request and response templates, and its integration response maps Access-Control-Allow-Origin',
      request: { method: 'GET' },
      expect: {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'content-length': '55',
          'access-control-allow-origin': '*',
        },
        exactCorsHeaders: true,
        body: '{"message":{"output":"this is the input"},"state":"ok"}',
      },
    },
    {
      claim: "GET /fails maps the function's error to a 400 whose integration response maps the header too",
      request: { method: 'GET', path: 'fails', headers: { Origin: FIRST_ORIGIN } },
      expect: {
        status: 400,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"[BadRequest] no such thing"}',
      },
    },
    {
      claim: "API Gateway's own 403 carries the header the DEFAULT_4XX gateway response adds",
      request: { method: 'GET', path: 'missing', headers: { Origin: FIRST_ORIGIN } },
      expect: {
        status: 403,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"Missing Authentication Token"}',
      },
    },
    {
      claim:
        'a body type without a request template is refused with 415 (PassthroughBehavior NEVER), readable too',
      request: { method: 'GET', headers: { 'Content-Type': 'text/plain', Origin: OTHER_ORIGIN } },
      expect: { status: 415, headers: { 'access-control-allow-origin': '*' } },
      inTranscript: false,
    },
    {
      claim: 'the response template of GET /greeting echoes an allowed origin, with Vary: Origin',
      request: { method: 'GET', path: 'greeting', headers: { Origin: SECOND_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': SECOND_ORIGIN, vary: 'Origin' },
        body: '{"greeting":"hello"}',
      },
    },
    {
      claim: 'GET /greeting says nothing to an origin outside the list, but still varies by origin',
      request: { method: 'GET', path: 'greeting', headers: { Origin: OTHER_ORIGIN } },
      expect: { status: 200, headers: { 'access-control-allow-origin': false, vary: 'Origin' } },
      inTranscript: false,
    },
    {
      claim: "the preflight of /greeting (CDK's template) echoes an allowed origin",
      request: {
        method: 'OPTIONS',
        path: 'greeting',
        headers: { Origin: SECOND_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: { status: 204, headers: { 'access-control-allow-origin': SECOND_ORIGIN, vary: 'Origin' } },
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
