/**
 * What chapter 07 claims about its two APIs, as the requests the lesson sends and the answers they must get.
 * `test/transcript.test.ts` checks every claim against the local gateway and compares the README's transcript
 * with a fresh run; `pnpm run transcripts` rewrites that transcript. `scripts/verify.sh` sends the same
 * requests with curl, to a deployed stack as well.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { type Check, defineChecks } from '@cors-workshop/verify';
import { ALLOWED_ORIGINS, EXPOSED_HEADER } from './lib/cors-settings.js';
import { CredentialsCorsStack } from './lib/credentials-cors-stack.js';

const [FIRST_ORIGIN, LISTED_ORIGIN] = ALLOWED_ORIGINS as [string, string];
const OTHER_ORIGIN = 'https://evil.example';

/** The logical IDs of the chapter's APIs. */
export const REST_API = 'CredentialsRestApi87A1F702';
/** The logical ID of the chapter's HTTP API. */
export const HTTP_API = 'CredentialsHttpApi64AA9888';

/** The stack the checks run against, synthesized with its functions bundled so the local gateway can run them. */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) => new CredentialsCorsStack(app, 'CredentialsCorsStack', { stackName: 'credentials-cors-stack' }),
    { projectDir: fileURLToPath(new URL('.', import.meta.url)), bundling: true },
  );
}

/** A browser's preflight for a credentialed `GET` with an `X-Api-Key` header. */
function preflight(path: string, origin: string, api?: string): Check['request'] {
  return {
    method: 'OPTIONS',
    ...(api && { api }),
    path,
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'x-api-key',
    },
  };
}

/**
 * The chapter's claims, in the order of the lesson. `cors-gateway serve cdk.out --port 3700` serves the REST
 * API on port 3700 and the HTTP API on the next one, which is what the transcript shows.
 */
export const checks = defineChecks({
  apis: {
    CredentialsRestApi: { logicalId: REST_API, shownAs: 'http://127.0.0.1:3700/prod/' },
    CredentialsHttpApi: { logicalId: HTTP_API, shownAs: 'http://127.0.0.1:3701/' },
  },
  checks: [
    {
      claim:
        '/wildcard answers every origin with * and allows credentials, which no browser accepts together',
      request: { method: 'GET', path: 'wildcard', headers: { Origin: LISTED_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' },
        exactCorsHeaders: true,
        body: '{"user":"ada"}',
      },
    },
    {
      claim: "CDK's preflight of /wildcard pairs * with credentials too: a REST API does not refuse it",
      request: preflight('wildcard', LISTED_ORIGIN),
      expect: {
        status: 204,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' },
      },
      inTranscript: false,
    },
    {
      claim: '/reflect echoes any origin at all with credentials: every site may read the answer',
      request: { method: 'GET', path: 'reflect', headers: { Origin: OTHER_ORIGIN } },
      expect: {
        status: 200,
        headers: {
          'access-control-allow-origin': OTHER_ORIGIN,
          'access-control-allow-credentials': 'true',
          vary: 'Origin',
        },
        exactCorsHeaders: true,
      },
    },
    {
      claim: '/profile echoes a listed origin with credentials, exposes X-Request-Id and varies by origin',
      request: { method: 'GET', path: 'profile', headers: { Origin: LISTED_ORIGIN } },
      expect: {
        status: 200,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': EXPOSED_HEADER,
          vary: 'Origin',
          'x-request-id': true,
        },
        exactCorsHeaders: true,
        body: '{"user":"ada"}',
      },
    },
    {
      claim: '/profile says nothing to an origin outside the list, and still varies by origin',
      request: { method: 'GET', path: 'profile', headers: { Origin: OTHER_ORIGIN } },
      expect: { status: 200, headers: { vary: 'Origin' }, exactCorsHeaders: true },
    },
    {
      claim: "CDK's multi-origin preflight of /profile echoes the second listed origin, with credentials",
      request: preflight('profile', LISTED_ORIGIN),
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'access-control-allow-headers':
            'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
          'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
          vary: 'Origin',
        },
        exactCorsHeaders: true,
      },
    },
    {
      claim: 'the same preflight names the first listed origin to a stranger, never the stranger',
      request: preflight('profile', OTHER_ORIGIN),
      expect: { status: 204, headers: { 'access-control-allow-origin': FIRST_ORIGIN } },
      inTranscript: false,
    },
    {
      claim: '/unexposed sends X-Request-Id too, but names it in no Access-Control-Expose-Headers',
      request: { method: 'GET', path: 'unexposed', headers: { Origin: LISTED_ORIGIN } },
      expect: {
        status: 200,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'x-request-id': true,
        },
        exactCorsHeaders: true,
      },
      inTranscript: false,
    },
    {
      claim: '/no-vary echoes a listed origin correctly, but without Vary: Origin',
      request: { method: 'GET', path: 'no-vary', headers: { Origin: LISTED_ORIGIN } },
      expect: {
        status: 200,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          vary: false,
        },
        exactCorsHeaders: true,
      },
    },
    {
      claim: '/duplicate sends two Access-Control-Allow-Origin values: multiValueHeaders and headers merged',
      request: { method: 'GET', path: 'duplicate', headers: { Origin: LISTED_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': `${LISTED_ORIGIN}, *` },
        exactCorsHeaders: true,
      },
    },
    {
      claim: 'the preflight of /max-age lets the browser keep it ten minutes',
      request: preflight('max-age', LISTED_ORIGIN),
      expect: { status: 204, headers: { 'access-control-max-age': '600' } },
    },
    {
      claim: 'the preflight of /no-max-age sends no Access-Control-Max-Age: the browser picks the lifetime',
      request: preflight('no-max-age', LISTED_ORIGIN),
      expect: { status: 204, headers: { 'access-control-max-age': false } },
      inTranscript: false,
    },
    {
      claim: "the preflight of /no-cache sends -1, CDK's disableCache: the browser must not keep it",
      request: preflight('no-cache', LISTED_ORIGIN),
      expect: { status: 204, headers: { 'access-control-max-age': '-1' } },
      inTranscript: false,
    },
    {
      claim: "the HTTP API's preflight echoes a listed origin, with credentials and a ten-minute max age",
      request: preflight('profile', LISTED_ORIGIN, 'CredentialsHttpApi'),
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': 'x-api-key',
          'access-control-max-age': '600',
        },
        exactCorsHeaders: true,
      },
    },
    {
      claim: 'the HTTP API adds the same allow-list to the function answer, and exposes X-Request-Id',
      request: {
        method: 'GET',
        api: 'CredentialsHttpApi',
        path: 'profile',
        headers: { Origin: LISTED_ORIGIN },
      },
      expect: {
        status: 200,
        headers: {
          'access-control-allow-origin': LISTED_ORIGIN,
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': EXPOSED_HEADER,
          'x-request-id': true,
        },
        exactCorsHeaders: true,
        body: '{"user":"ada"}',
      },
    },
    {
      claim: 'the HTTP API sends no CORS header at all to an origin outside the list',
      request: {
        method: 'GET',
        api: 'CredentialsHttpApi',
        path: 'profile',
        headers: { Origin: OTHER_ORIGIN },
      },
      expect: { status: 200, exactCorsHeaders: true },
      inTranscript: false,
    },
  ],
});
