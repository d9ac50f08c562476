/**
 * What chapter 05 claims about its APIs behind authorizers, as the requests the lesson sends and the answers
 * they must get. `test/transcript.test.ts` checks every claim against the local gateway and compares the
 * README's transcript with a fresh run; `pnpm run transcripts` rewrites that transcript. `scripts/verify.sh`
 * sends the same requests with curl, to a deployed stack as well. (Calls that need a Cognito token, which
 * changes with every run, are in `test/behaviour.test.ts` and `scripts/verify.sh`.)
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { defineChecks } from '@cors-workshop/verify';
import { AuthorizersStack, CATALOG_API_KEY } from './lib/authorizers-stack.js';

const PAGE_ORIGIN = 'http://localhost:3000';

/** The stack the checks run against, synthesized with its functions bundled so the local gateway can run them. */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) => new AuthorizersStack(app, 'AuthorizersStack', { stackName: 'authorizers-stack' }),
    {
      projectDir: fileURLToPath(new URL('.', import.meta.url)),
      bundling: true,
    },
  );
}

/** The chapter's claims, in the order of the lesson. */
export const checks = defineChecks({
  apis: {
    OrdersRestApi: { logicalId: 'OrdersRestApiE759704F', shownAs: 'http://127.0.0.1:3005/prod/' },
    CatalogRestApi: { logicalId: 'CatalogRestApi3A5CAAF3', shownAs: 'http://127.0.0.1:3006/prod/' },
    ProfileHttpApi: { logicalId: 'ProfileHttpApi229300B3', shownAs: 'http://127.0.0.1:3007/' },
  },
  checks: [
    {
      claim:
        'the preflight of GET /orders needs no token: CDK generated its OPTIONS method with AuthorizationType NONE',
      request: {
        method: 'OPTIONS',
        path: 'orders',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-headers':
            'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
          'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim: 'GET /orders without a token is refused by API Gateway with 401, before the authorizer runs',
      request: { method: 'GET', path: 'orders', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 401,
        headers: { 'x-amzn-errortype': 'UnauthorizedException', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"message":"Unauthorized"}',
      },
    },
    {
      claim:
        'a token the authorizer does not know is refused with the same 401: the function threw Unauthorized',
      request: {
        method: 'GET',
        path: 'orders',
        headers: { Origin: PAGE_ORIGIN, Authorization: 'Bearer guess' },
      },
      expect: {
        status: 401,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"Unauthorized"}',
      },
      inTranscript: false,
    },
    {
      claim: "the token of a known user gets through, and OrdersFn reads the authorizer's principalId",
      request: {
        method: 'GET',
        path: 'orders',
        headers: { Origin: PAGE_ORIGIN, Authorization: 'Bearer reader' },
      },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"user":"ada","orders":["tea","scones"]}',
      },
    },
    {
      claim:
        "a suspended user's policy denies the stage explicitly: 403, with API Gateway's capitalised Message",
      request: {
        method: 'GET',
        path: 'orders',
        headers: { Origin: PAGE_ORIGIN, Authorization: 'Bearer suspended' },
      },
      expect: {
        status: 403,
        headers: { 'x-amzn-errortype': 'AccessDeniedException', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"Message":"User is not authorized to access this resource with an explicit deny"}',
      },
    },
    {
      claim: 'GET /profile has its own authorizer, a Cognito user pool: without a token it is 401 as well',
      request: { method: 'GET', path: 'profile', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 401,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"Unauthorized"}',
      },
      inTranscript: false,
    },
    {
      claim: "the Lambda authorizer's token is no Cognito token: GET /profile refuses it",
      request: {
        method: 'GET',
        path: 'profile',
        headers: { Origin: PAGE_ORIGIN, Authorization: 'Bearer reader' },
      },
      expect: { status: 401, body: '{"message":"Unauthorized"}' },
      inTranscript: false,
    },
    {
      claim:
        'ProfileHttpApi answers the preflight of /profile itself: the OPTIONS /{proxy+} route has no authorizer and outranks $default',
      request: {
        method: 'OPTIONS',
        api: 'ProfileHttpApi',
        path: 'profile',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': 'authorization',
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim:
        'the JWT authorizer of $default refuses a request without a token with 401 and www-authenticate: Bearer, and the HTTP API adds its CORS header',
      request: { method: 'GET', api: 'ProfileHttpApi', path: 'profile', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 401,
        headers: { 'www-authenticate': 'Bearer', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"message":"Unauthorized"}',
      },
    },
    {
      claim: 'a token that is not a JWT is refused with the reason in www-authenticate',
      request: {
        method: 'GET',
        api: 'ProfileHttpApi',
        path: 'profile',
        headers: { Origin: PAGE_ORIGIN, Authorization: 'Bearer reader' },
      },
      expect: {
        status: 401,
        headers: {
          'www-authenticate':
            'Bearer scope="" error="invalid_token" error_description="token contains an invalid number of segments"',
        },
        body: '{"message":"Unauthorized"}',
      },
    },
    {
      claim:
        'the preflight of the root path still reaches $default, whose authorizer refuses it: {proxy+} never matches /',
      request: {
        method: 'OPTIONS',
        api: 'ProfileHttpApi',
        headers: { Origin: PAGE_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: '{"message":"Unauthorized"}' },
      inTranscript: false,
    },
    {
      claim:
        "the preflight of GET /catalog allows X-Api-Key: CDK's Cors.DEFAULT_HEADERS name it, and the OPTIONS method needs no key",
      request: {
        method: 'OPTIONS',
        api: 'CatalogRestApi',
        path: 'catalog',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'x-api-key',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-headers':
            'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
          'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim:
        'GET /catalog without an API key is refused by API Gateway with 403 Forbidden, and DEFAULT_4XX adds the CORS header',
      request: { method: 'GET', api: 'CatalogRestApi', path: 'catalog', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 403,
        headers: { 'x-amzn-errortype': 'ForbiddenException', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"message":"Forbidden"}',
      },
    },
    {
      claim: 'a key that is not CatalogKey gets the same 403',
      request: {
        method: 'GET',
        api: 'CatalogRestApi',
        path: 'catalog',
        headers: { Origin: PAGE_ORIGIN, 'X-Api-Key': 'a-key-nobody-issued-to-anyone' },
      },
      expect: {
        status: 403,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"Forbidden"}',
      },
      inTranscript: false,
    },
    {
      claim:
        'with the value of CatalogKey, which the usage plan CatalogPlan grants on prod, CatalogFn answers',
      request: {
        method: 'GET',
        api: 'CatalogRestApi',
        path: 'catalog',
        headers: { Origin: PAGE_ORIGIN, 'X-Api-Key': CATALOG_API_KEY },
      },
      expect: {
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"items":["tea","scones","jam"]}',
      },
    },
    {
      claim:
        'the preflight of GET /specials answers 204 but allows only Content-Type and Authorization: its hand-written list forgets X-Api-Key',
      request: {
        method: 'OPTIONS',
        api: 'CatalogRestApi',
        path: 'specials',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'x-api-key',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'Content-Type,Authorization',
          'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
  ],
});
