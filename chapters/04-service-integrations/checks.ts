/**
 * What chapter 04 claims about its two APIs, as the requests the lesson sends and the answers they must get.
 * `test/transcript.test.ts` checks every claim against the local gateway and compares the README's
 * transcript with a fresh run; `pnpm run transcripts` rewrites that transcript. `scripts/verify.sh` sends the
 * same requests with curl, to a deployed stack as well.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { type SynthesizedStack, synthStack } from '@cors-workshop/testing';
import { defineChecks } from '@cors-workshop/verify';
import { ServiceIntegrationsStack } from './lib/service-integrations-stack.js';

const PAGE_ORIGIN = 'http://localhost:5173';
const JSON_BODY = { 'Content-Type': 'application/json', Origin: PAGE_ORIGIN };

/**
 * The stack the checks run against. It has no function, so nothing needs bundling. The region is pinned, as in
 * the stack test, which reads this very synth (see `test/global-setup.ts`).
 */
export function assembly(): SynthesizedStack {
  return synthStack(
    (app) =>
      new ServiceIntegrationsStack(app, 'ServiceIntegrationsStack', {
        stackName: 'service-integrations-stack',
        env: { region: 'us-east-1' },
      }),
    { projectDir: fileURLToPath(new URL('.', import.meta.url)) },
  );
}

/**
 * The chapter's claims, in the order of the lesson. `cors-gateway serve cdk.out --port 3005` serves
 * `ItemsRestApi` on port 3005 and `EventsHttpApi` on the next one, which is what the transcript shows.
 */
export const checks = defineChecks({
  apis: {
    ItemsRestApi: { logicalId: 'ItemsRestApi10ACB999', shownAs: 'http://127.0.0.1:3005/prod/' },
    EventsHttpApi: { logicalId: 'EventsHttpApiA4975F19', shownAs: 'http://127.0.0.1:3006/' },
  },
  masks: [{ pattern: /"SequenceNumber":"\d+"/g, as: '"SequenceNumber":"<sequence-number>"' }],
  checks: [
    {
      claim: "the preflight of a JSON POST to /items is CDK's MOCK OPTIONS method, as in chapters 01 and 02",
      request: {
        method: 'OPTIONS',
        path: 'items',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
          'access-control-allow-headers':
            'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim: "POST /items writes the item with DynamoDB PutItem: DynamoDB's 200 is selected and answered 201",
      request: { method: 'POST', path: 'items', headers: JSON_BODY, body: '{"id":"milk","text":"Buy milk"}' },
      expect: {
        status: 201,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"saved":true}',
      },
    },
    {
      claim: 'a second item is written the same way',
      request: {
        method: 'POST',
        path: 'items',
        headers: JSON_BODY,
        body: '{"id":"tea","text":"Buy \\"green\\" tea"}',
      },
      expect: { status: 201, headers: { 'access-control-allow-origin': '*' }, body: '{"saved":true}' },
      inTranscript: false,
    },
    {
      claim: 'GET /items reads back what was written, with Scan, reshaped by the response template',
      request: { method: 'GET', path: 'items', headers: { Origin: PAGE_ORIGIN } },
      expect: {
        status: 200,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"count":2,"items":[{"id":"tea","text":"Buy \\"green\\" tea"},{"id":"milk","text":"Buy milk"}]}',
      },
    },
    {
      claim: 'a body without an id is refused by DynamoDB (400), and the mapped 400 carries the CORS header',
      request: { method: 'POST', path: 'items', headers: JSON_BODY, body: '{"text":"no id"}' },
      expect: {
        status: 400,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
        body: '{"message":"The item was refused","error":"ValidationException"}',
      },
    },
    {
      claim: 'an id that is not a string is refused too, through the same 4\\d{2} integration response',
      request: { method: 'POST', path: 'items', headers: JSON_BODY, body: '{"id":42,"text":"x"}' },
      expect: {
        status: 400,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"The item was refused","error":"SerializationException"}',
      },
      inTranscript: false,
    },
    {
      claim: 'a body type without a request template gets the 415 of PassthroughBehavior NEVER, with CORS',
      request: {
        method: 'POST',
        path: 'items',
        headers: { 'Content-Type': 'text/plain', Origin: PAGE_ORIGIN },
        body: 'milk',
      },
      expect: {
        status: 415,
        headers: { 'access-control-allow-origin': '*' },
        body: '{"message":"Unsupported Media Type"}',
      },
      inTranscript: false,
    },
    {
      claim: 'the preflight of POST /events is answered by the HTTP API from its CorsConfiguration',
      request: {
        method: 'OPTIONS',
        api: 'EventsHttpApi',
        path: 'events',
        headers: {
          Origin: PAGE_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      },
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
        },
        exactCorsHeaders: true,
        body: '',
      },
    },
    {
      claim: "POST /events puts the body into the stream with Kinesis PutRecord and answers Kinesis's answer",
      request: {
        method: 'POST',
        api: 'EventsHttpApi',
        path: 'events',
        headers: JSON_BODY,
        body: '{"itemId":"milk","type":"saved"}',
      },
      expect: {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
      },
    },
    {
      claim:
        "a body without itemId has no partition key: Kinesis's 400 comes back with the API's CORS header",
      request: {
        method: 'POST',
        api: 'EventsHttpApi',
        path: 'events',
        headers: JSON_BODY,
        body: '{"type":"saved"}',
      },
      expect: {
        status: 400,
        headers: { 'access-control-allow-origin': '*' },
        exactCorsHeaders: true,
      },
    },
    {
      claim: 'without an Origin, the HTTP API adds no CORS header, whatever the integration',
      request: {
        method: 'POST',
        api: 'EventsHttpApi',
        path: 'events',
        headers: { 'Content-Type': 'application/json' },
        body: '{"itemId":"tea","type":"saved"}',
      },
      expect: { status: 200, exactCorsHeaders: true },
      inTranscript: false,
    },
  ],
});
