import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import type { LoadedStack } from '../../src/assembly/load-assembly.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import type { RunningGateway } from '../../src/gateway-options.js';
import { readLambdaFunctions } from '../../src/lambda/lambda-function.js';
import { readRestApis } from '../../src/rest/read-rest-apis.js';
import { startGateway } from '../../src/start-gateway.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';
import { APIS } from './apis/index.js';
import { LOAD_CASES, REQUEST_CASES } from './cases/index.js';
import {
  ANY,
  type ConformanceCase,
  type ExpectedBody,
  type Recorded,
  type RequestCase,
} from './conformance-case.js';
import { type Exchange, exchange } from './http-exchange.js';
import { mergeApiTemplates } from './merge-templates.js';

const ALL_REQUESTS = Object.values(REQUEST_CASES).flat();
const ALL: readonly ConformanceCase[] = [...ALL_REQUESTS, ...LOAD_CASES];
const BEHAVIOUR_DOC = new URL('../../docs/behaviour.md', import.meta.url);

/**
 * Response headers Node's HTTP/1.1 server adds that API Gateway (HTTP/2 or HTTP/1.1 behind CloudFront) does
 * not send; `docs/behaviour.md` explains them under the id `http1-transport`.
 */
const TRANSPORT_HEADERS = new Set(['keep-alive']);

const origin = (c: ConformanceCase) => `${c.source.test} › ${c.source.key} (validated ${c.source.validated})`;

/** `ANY` → any value, a RegExp → a matching string, recursively, for `toMatchObject`. */
function matcher(value: unknown): unknown {
  if (value === ANY) return expect.anything();
  if (value instanceof RegExp) return expect.stringMatching(value);
  if (Array.isArray(value)) return value.map(matcher);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, matcher(v)]));
  }
  return value;
}

const lower = (names: readonly string[]) => [...new Set(names.map((n) => n.toLowerCase()))].sort();

/** The recorded names, less those the case says the gateway deliberately does not reproduce. */
function reproducible(c: RequestCase, names: readonly string[]): string[] {
  const skipped = new Set((c.unreproduced?.headers ?? []).map((n) => n.toLowerCase()));
  return lower(names).filter((n) => !skipped.has(n));
}

function expectValue(actual: string | undefined, expected: Recorded | null, what: string): void {
  if (expected === null) expect(actual, `${what} is absent`).toBeUndefined();
  else if (expected === ANY) expect(actual, `${what} is present`).toBeDefined();
  else if (expected instanceof RegExp) expect(actual, what).toMatch(expected);
  else expect(actual, what).toBe(expected);
}

function expectBody(c: RequestCase, body: ExpectedBody, response: Exchange): void {
  const text = response.body.toString('utf8');
  if ('text' in body) expect(text).toBe(body.text);
  else if ('bytesBase64' in body) expect(response.body.toString('base64')).toBe(body.bytesBase64);
  else if ('json' in body) expect(JSON.parse(text)).toEqual(body.json);
  else if ('jsonMatch' in body) expect(JSON.parse(text)).toMatchObject(matcher(body.jsonMatch) as object);
  else if ('jsonIn' in body) {
    const outer = JSON.parse(text) as Record<string, string>;
    expect(JSON.parse(outer[body.jsonIn.field]!)).toMatchObject(matcher(body.jsonIn.match) as object);
  } else {
    const event = JSON.parse(text) as {
      headers: Record<string, string> | null;
      multiValueHeaders: Record<string, string[]> | null;
    };
    const expected = body.event;
    if (expected.fields) expect(event).toMatchObject(matcher(expected.fields) as object);
    if (expected.headerNames) {
      const names = reproducible(c, expected.headerNames);
      expect(lower(Object.keys(event.headers ?? {})), 'the event header names').toEqual(names);
      expect(Object.keys(event.headers ?? {}).sort(), 'the event header names in their case').toEqual(
        Object.keys(event.multiValueHeaders ?? {}).sort(),
      );
      const recordedCase = new Map(expected.headerNames.map((n) => [n.toLowerCase(), n]));
      for (const name of Object.keys(event.headers ?? {})) {
        expect(name, 'the event header name in the recorded case').toBe(recordedCase.get(name.toLowerCase()));
      }
    }
    for (const [name, value] of Object.entries(expected.headers ?? {})) {
      expectValue(event.headers?.[name], value, `event header ${name}`);
    }
  }
}

describe('the conformance suite', () => {
  it('holds at least 100 cases recorded on AWS, each naming its test, its snapshot key and its validation date', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(100);
    for (const c of ALL) {
      expect(c.source.test, c.name).toMatch(/^test_apigateway_\w+\.py::[\w:[\].-]+$/);
      expect(c.source.key, c.name).not.toBe('');
      expect(c.source.validated, c.name).toMatch(/^20\d\d-[01]\d-[0-3]\d$/);
    }
    expect(new Set(ALL.map((c) => c.name)).size, 'case names are unique').toBe(ALL.length);
  });

  it('explains in docs/behaviour.md every recorded fact the gateway deliberately does not reproduce', () => {
    const doc = readFileSync(BEHAVIOUR_DOC, 'utf8');
    const differences = new Set(
      ALL_REQUESTS.flatMap((c) => (c.unreproduced ? [c.unreproduced.difference] : [])),
    );
    differences.add('http1-transport');
    for (const id of differences) expect(doc).toContain(`<a id="difference-${id}"></a>`);
  });
});

describe('REST APIs answer as AWS was recorded answering', () => {
  let gateway: RunningGateway;
  const targets = new Map<string, { origin: string; stage: string }>();

  beforeAll(async () => {
    const { template, logicalIds } = mergeApiTemplates(APIS);
    gateway = await startGateway({ source: writeTemplate(template), port: 0, logger: recordingLogger() });
    for (const [name, logicalId] of logicalIds) {
      const served = gateway.apis.find((a) => a.logicalId === logicalId)!;
      targets.set(name, { origin: new URL(served.url).origin, stage: served.stage });
    }
  });
  afterAll(() => gateway?.close());

  for (const [area, cases] of Object.entries(REQUEST_CASES)) {
    describe(area, () => {
      for (const c of cases) {
        it(`${c.name} — ${origin(c)}`, async () => {
          const target = targets.get(c.api);
          expect(target, `the API ${c.api}`).toBeDefined();
          const response = await exchange(target!.origin, target!.stage, c.request);
          const header = (name: string) =>
            response.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
          expect(response.status, response.body.toString('utf8').slice(0, 300)).toBe(c.expect.status);
          if (c.expect.headerNames) {
            const names = response.headers
              .map(([n]) => n)
              .filter((n) => !TRANSPORT_HEADERS.has(n.toLowerCase()));
            expect(lower(names), 'the response header names').toEqual(reproducible(c, c.expect.headerNames));
          }
          for (const [name, value] of Object.entries(c.expect.headers ?? {})) {
            expectValue(header(name), value, `response header ${name}`);
          }
          if (c.expect.body) expectBody(c, c.expect.body, response);
        });
      }
    });
  }
});

describe('templates load, or are refused, as AWS deployed or refused them', () => {
  for (const c of LOAD_CASES) {
    it(`${c.name} — ${origin(c)}`, () => {
      const template = c.template();
      const stack: LoadedStack = {
        stackName: 'Conformance',
        artifactId: 'Conformance',
        templateFile: 'Conformance.template.json',
        template,
        assets: new Map(),
        baseDir: '.',
      };
      const resolver = new IntrinsicResolver(template, 'Conformance', localPseudoParameters({}));
      const load = () => readRestApis(stack, resolver, readLambdaFunctions(stack, resolver));
      if (c.error === null) expect(load).not.toThrow();
      else expect(load).toThrow(c.error);
    });
  }
});
