/**
 * What chapter 06 claims about its APIs, as the requests the lesson sends and the answers they must get.
 * `test/transcript.test.ts` checks every claim against the local gateway and compares the README's transcript
 * with a fresh run; `pnpm run transcripts` rewrites that transcript. `scripts/verify.sh` sends the same
 * requests with curl, to a deployed stack as well.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { type Check, defineChecks, type ExpectedResponse } from '@cors-workshop/verify';
import { DEMO_API_KEY, ErrorsCorsStack } from './lib/errors-cors-stack.js';

const ORIGIN = 'http://localhost:3000';

/** The logical ID of the REST API without gateway responses. */
export const BARE_API = 'BareRestApi5A595F09';
/** The logical ID of the REST API with gateway responses. */
export const FIXED_API = 'FixedRestApi0F650B4E';
/** The logical ID of the REST API with `binaryMediaTypes: ['*\/*']`. */
export const BINARY_API = 'BinaryRestApi1C34AC9E';
/** The logical ID of the HTTP API. */
export const HTTP_API = 'ErrorsHttpApi6FCB4068';

/** The stack the checks run against, synthesized with its functions bundled so the local gateway can run them. */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) => new ErrorsCorsStack(app, 'ErrorsCorsStack', { stackName: 'errors-cors-stack' }),
    { projectDir: fileURLToPath(new URL('.', import.meta.url)), bundling: true },
  );
}

/** The body REST APIs write for a failed Lambda proxy integration, with the space AWS puts after the colon. */
const PROXY_FAILURE = '{"message": "Internal server error"}';
const MISSING_TOKEN = '{"message":"Missing Authentication Token"}';
const TIMED_OUT = '{"message":"Endpoint request timed out"}';
const FORBIDDEN = '{"message":"Forbidden"}';
const MISSING_Q = '{"message":"Missing required request parameters: [q]"}';
const INVALID_BODY = '{"message":"Invalid request body"}';
const THROTTLED = '{"message":"Too Many Requests"}';

/** A JSON `POST /items` whose body lacks the `name` the model requires. */
function invalidItem(api: string): Check['request'] {
  return {
    method: 'POST',
    api,
    path: 'items',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
    body: '{"title":"no name"}',
  };
}

/** A request from a page on {@link ORIGIN}. */
function fromPage(api: string, path: string, method: Check['request']['method'] = 'GET'): Check['request'] {
  return { method, api, path, headers: { Origin: ORIGIN } };
}

/** An error answer with exactly these CORS headers (none when `allowOrigin` is absent). */
function errorAnswer(status: number, body: string, allowOrigin?: string): ExpectedResponse {
  return {
    status,
    headers: allowOrigin === undefined ? {} : { 'access-control-allow-origin': allowOrigin },
    exactCorsHeaders: true,
    body,
  };
}

/**
 * The chapter's claims, in the order of the lesson. `cors-gateway serve cdk.out --port 3600` serves the four
 * APIs on ports 3600 to 3603, in template order, which is what the transcript shows.
 */
export const checks = defineChecks({
  apis: {
    BareRestApi: { logicalId: BARE_API, shownAs: 'http://127.0.0.1:3600/prod/' },
    FixedRestApi: { logicalId: FIXED_API, shownAs: 'http://127.0.0.1:3601/prod/' },
    BinaryRestApi: { logicalId: BINARY_API, shownAs: 'http://127.0.0.1:3602/prod/' },
    ErrorsHttpApi: { logicalId: HTTP_API, shownAs: 'http://127.0.0.1:3603/' },
  },
  checks: [
    {
      claim: 'the working route of BareRestApi carries the header its function sets',
      request: fromPage('BareRestApi', 'items'),
      expect: { status: 200, headers: { 'access-control-allow-origin': '*' }, exactCorsHeaders: true },
      inTranscript: false,
    },
    {
      claim: 'a path with no resource gets 403 Missing Authentication Token, without any CORS header',
      request: fromPage('BareRestApi', 'nothing-here'),
      expect: {
        ...errorAnswer(403, MISSING_TOKEN),
        headers: { 'x-amzn-errortype': 'MissingAuthenticationTokenException' },
      },
    },
    {
      claim: 'a method the resource does not have gets the same 403',
      request: fromPage('BareRestApi', 'items', 'DELETE'),
      expect: errorAnswer(403, MISSING_TOKEN),
      inTranscript: false,
    },
    {
      claim: "a malformed function result gets 502, and the function's own Allow-Origin is lost with it",
      request: fromPage('BareRestApi', 'malformed'),
      expect: errorAnswer(502, PROXY_FAILURE),
    },
    {
      claim: 'a function that throws gets the same 502',
      request: fromPage('BareRestApi', 'throws'),
      expect: errorAnswer(502, PROXY_FAILURE),
      inTranscript: false,
    },
    {
      claim: 'a function slower than its integration timeout gets 504, without any CORS header',
      request: fromPage('BareRestApi', 'slow'),
      expect: errorAnswer(504, TIMED_OUT),
    },
    {
      claim: 'a request without the API key GET /keyed requires gets 403 Forbidden, without any CORS header',
      request: fromPage('BareRestApi', 'keyed'),
      expect: {
        ...errorAnswer(403, FORBIDDEN),
        headers: { 'x-amzn-errortype': 'ForbiddenException' },
      },
      inTranscript: false,
    },
    {
      claim: 'the same request with the key a usage plan grants reaches the function',
      request: {
        ...fromPage('BareRestApi', 'keyed'),
        headers: { Origin: ORIGIN, 'x-api-key': DEMO_API_KEY },
      },
      expect: { status: 200, headers: { 'access-control-allow-origin': '*' }, exactCorsHeaders: true },
      inTranscript: false,
    },
    {
      claim: 'a request without the required query string q gets 400, without any CORS header',
      request: fromPage('BareRestApi', 'search'),
      expect: {
        ...errorAnswer(400, MISSING_Q),
        headers: { 'x-amzn-errortype': 'BadRequestException' },
      },
    },
    {
      claim: 'a body the model refuses gets 400 Invalid request body, without any CORS header',
      request: invalidItem('BareRestApi'),
      expect: errorAnswer(400, INVALID_BODY),
      inTranscript: false,
    },
    {
      claim: 'a throttled method gets 429, without any CORS header',
      request: fromPage('BareRestApi', 'throttled'),
      expect: {
        ...errorAnswer(429, THROTTLED),
        headers: { 'x-amzn-errortype': 'TooManyRequestsException' },
      },
      inTranscript: false,
    },
    {
      claim:
        'FixedRestApi answers a path with no resource from its MISSING_AUTHENTICATION_TOKEN response: 404',
      request: fromPage('FixedRestApi', 'nothing-here'),
      expect: errorAnswer(404, '{"message":"No such route"}', '*'),
    },
    {
      claim: 'FixedRestApi answers a missing method with the same readable 404',
      request: fromPage('FixedRestApi', 'items', 'DELETE'),
      expect: errorAnswer(404, '{"message":"No such route"}', '*'),
      inTranscript: false,
    },
    {
      claim: "FixedRestApi's DEFAULT_5XX response gives the 502 of a malformed result its Allow-Origin",
      request: fromPage('FixedRestApi', 'malformed'),
      expect: errorAnswer(502, PROXY_FAILURE, '*'),
    },
    {
      claim: "FixedRestApi's DEFAULT_5XX response gives the 502 of a function that throws its Allow-Origin",
      request: fromPage('FixedRestApi', 'throws'),
      expect: errorAnswer(502, PROXY_FAILURE, '*'),
      inTranscript: false,
    },
    {
      claim: 'the INTEGRATION_TIMEOUT response replaces DEFAULT_5XX as a whole: its 504 has no Allow-Origin',
      request: fromPage('FixedRestApi', 'slow'),
      expect: errorAnswer(504, '{"message":"The items are slow today; try again"}'),
    },
    {
      claim: "FixedRestApi's DEFAULT_4XX response gives the 403 of a missing API key its Allow-Origin",
      request: fromPage('FixedRestApi', 'keyed'),
      expect: errorAnswer(403, FORBIDDEN, '*'),
    },
    {
      claim: "FixedRestApi's DEFAULT_4XX response gives the 400 of a missing parameter its Allow-Origin",
      request: fromPage('FixedRestApi', 'search'),
      expect: errorAnswer(400, MISSING_Q, '*'),
      inTranscript: false,
    },
    {
      claim: "FixedRestApi's DEFAULT_4XX response gives the 400 of an invalid body its Allow-Origin",
      request: invalidItem('FixedRestApi'),
      expect: errorAnswer(400, INVALID_BODY, '*'),
      inTranscript: false,
    },
    {
      claim: "FixedRestApi's DEFAULT_4XX response gives the 429 of throttling its Allow-Origin",
      request: fromPage('FixedRestApi', 'throttled'),
      expect: errorAnswer(429, THROTTLED, '*'),
      inTranscript: false,
    },
    {
      claim: 'a preflight to a path with no resource gets the 404 with Allow-Origin: not an ok status',
      request: {
        method: 'OPTIONS',
        api: 'FixedRestApi',
        path: 'nothing-here',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: errorAnswer(404, '{"message":"No such route"}', '*'),
      inTranscript: false,
    },
    {
      claim: "with binaryMediaTypes */*, CDK's preflight as generated fails: 500, without any CORS header",
      request: {
        method: 'OPTIONS',
        api: 'BinaryRestApi',
        path: 'as-generated',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: errorAnswer(500, '{"message":"Internal server error"}'),
    },
    {
      claim: 'the same preflight with its MOCK converting the body to text answers 204',
      request: {
        method: 'OPTIONS',
        api: 'BinaryRestApi',
        path: 'converted',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
      },
      expect: { status: 204, headers: { 'access-control-allow-origin': '*' } },
    },
    {
      claim: 'the HTTP API answers a path with no route 404, without any CORS header',
      request: fromPage('ErrorsHttpApi', 'nothing-here'),
      expect: errorAnswer(404, '{"message":"Not Found"}'),
    },
    {
      claim: 'the HTTP API answers a malformed result 500, with the Allow-Origin of its CORS configuration',
      request: fromPage('ErrorsHttpApi', 'malformed'),
      expect: errorAnswer(500, '{"message":"Internal Server Error"}', '*'),
    },
    {
      claim: 'the HTTP API answers a function that throws 500, with Allow-Origin',
      request: fromPage('ErrorsHttpApi', 'throws'),
      expect: errorAnswer(500, '{"message":"Internal Server Error"}', '*'),
      inTranscript: false,
    },
    {
      claim: 'the HTTP API answers an integration timeout 503 on the local gateway, with Allow-Origin',
      request: fromPage('ErrorsHttpApi', 'slow'),
      expect: errorAnswer(503, '{"message":"Service Unavailable"}', '*'),
      inTranscript: false,
    },
    {
      claim: 'the HTTP API answers a throttled route 429, with Allow-Origin',
      request: fromPage('ErrorsHttpApi', 'throttled'),
      expect: errorAnswer(429, THROTTLED, '*'),
      inTranscript: false,
    },
  ],
});
