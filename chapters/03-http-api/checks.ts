/**
 * What chapter 03 claims about its two HTTP APIs, as the requests the lesson sends and the answers they must
 * get. `test/transcript.test.ts` checks every claim against the local gateway and compares the README's
 * transcript with a fresh run; `pnpm run transcripts` rewrites that transcript. `scripts/verify.sh` sends the
 * same requests with curl, to a deployed stack as well.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { defineChecks } from '@cors-workshop/verify';
import { CLAIMED_ORIGIN } from './handlers/own-cors.js';
import { DEFAULT_LISTED_ORIGINS, ProxyCorsHttpapiStack } from './lib/proxy-cors-httpapi-stack.js';

const LISTED_ORIGIN = DEFAULT_LISTED_ORIGINS[1]!;
const OTHER_ORIGIN = 'https://not-listed.example';
const PAGE_ORIGIN = 'https://page.example';

/**
 * The stack the checks run against, synthesized with its functions bundled so the local gateway can run them.
 * The region is pinned, as in the stack test, which reads this very synth (see `test/global-setup.ts`).
 */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) =>
      new ProxyCorsHttpapiStack(app, 'ProxyCorsHttpapiStack', {
        stackName: 'proxy-cors-httpapi-stack',
        env: { region: 'us-east-1' },
      }),
    { projectDir: fileURLToPath(new URL('.', import.meta.url)), bundling: true },
  );
}

/**
 * The chapter's claims, in the order of the lesson. `cors-gateway serve cdk.out --port 3003` serves the
 * article's API on port 3003 and `ListedOriginsHttpApi` on the next one, which is what the transcript shows.
 */
export const checks = defineChecks({
  apis: {
    ProxyCorsHttpApi: { logicalId: 'ProxyCorsHttpApiC5DA21B9', shownAs: 'http://127.0.0.1:3003/' },
    ListedOriginsHttpApi: { logicalId: 'ListedOriginsHttpApiFFA6A97F', shownAs: 'http://127.0.0.1:3004/' },
  },
  checks: [
    {
      claim: 'OPTIONS without an Origin, as curl sends it, gets a 204 with no CORS header at all',
      request: { method: 'OPTIONS' },
      expect: {
        status: 204,
        headers: { 'content-type': false, 'apigw-requestid': true },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim: "GET without an Origin gets the function's body as text/plain, and no Allow-Origin: the trap",
      request: { method: 'GET' },
      expect: {
        status: 200,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': '14',
          'apigw-requestid': true,
          'x-amzn-requestid': false,
        },
        exactCorsHeaders: true,
        body: '{"state":"ok"}',
      },
    },
    {
      claim: 'the same GET with an Origin, as a browser sends it, gets the header API Gateway adds',
      request: { method: 'GET', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"state":"ok"}',
      },
    },
    {
      claim:
        "a browser's preflight is answered from the CORS configuration, though the API has no OPTIONS route",
      request: {
        method: 'OPTIONS',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type',
        },
      },
      expect: {
        status: 204,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': '*' },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim: "API Gateway replaces OwnCorsFn's own Access-Control-Allow-Origin with the configuration's",
      request: { method: 'GET', path: 'own-cors', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
      },
    },
    {
      claim: "without an Origin, OwnCorsFn's CORS headers are dropped altogether",
      request: { method: 'GET', path: 'own-cors' },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': { not: CLAIMED_ORIGIN } },
        exactCorsHeaders: true,
      },
      inTranscript: false,
    },
    {
      claim: 'ListedOriginsHttpApi answers the preflight of a listed origin with every configured header',
      request: {
        method: 'OPTIONS',
        api: 'ListedOriginsHttpApi',
        path: 'profile',
        headers: {
          Origin: LISTED_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': 'GET,POST',
          'access-control-allow-headers': 'content-type,authorization',
          'access-control-max-age': '600',
        },
        exactCorsHeaders: true,
      },
    },
    {
      claim: 'ListedOriginsHttpApi answers the preflight of an origin that is not listed with no CORS header',
      request: {
        method: 'OPTIONS',
        api: 'ListedOriginsHttpApi',
        path: 'profile',
        headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'POST' },
      },
      expect: { status: 204, exactCorsHeaders: true },
    },
    {
      claim: 'a listed origin reads the profile with credentials, and x-request-id is exposed to it',
      request: {
        method: 'GET',
        api: 'ListedOriginsHttpApi',
        path: 'profile',
        headers: { Origin: LISTED_ORIGIN },
      },
      expect: {
        status: 200,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': 'x-request-id',
          'x-request-id': true,
        },
        exactCorsHeaders: true,
        body: '{"user":"ada"}',
      },
    },
    {
      claim: 'an origin that is not listed reads the profile without a single CORS header',
      request: {
        method: 'GET',
        api: 'ListedOriginsHttpApi',
        path: 'profile',
        headers: { Origin: OTHER_ORIGIN },
      },
      expect: { status: 200, exactCorsHeaders: true, body: '{"user":"ada"}' },
      inTranscript: false,
    },
  ],
});
