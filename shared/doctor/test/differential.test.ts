import {
  type GatewayExchange,
  type RunningGateway,
  silentLogger,
  startGateway,
} from '@cors-workshop/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiagnoseOptions, DOCTOR_USER_AGENT, diagnose, FetchTypeError } from '../src/index.js';
import {
  type BrowserCall,
  type BrowserObservation,
  ChromiumFetcher,
} from './differential/chromium-fetches.js';
import { type DoctorResult, mismatches, type ServedResponse } from './differential/compare.js';
import { type ConfigServer, startConfigServer } from './differential/config-server.js';
import { GATEWAY_CASES, LISTED, UNLISTED } from './differential/gateway-matrix.js';
import {
  type MatrixRequest,
  PLAIN_CONFIGS,
  type PlainCase,
  plainMatrix,
  TYPE_ERROR_REQUESTS,
} from './differential/plain-matrix.js';
import { fixtureAssembly } from './fixtures/fixture-assembly.js';

/** The page origin of the plain server's calls. */
const PAGE_ORIGIN = LISTED;

const plainCases: PlainCase[] = [
  ...plainMatrix(),
  ...TYPE_ERROR_REQUESTS.map((request) => ({
    id: `acao-star × ${request.id}`,
    config: 'acao-star',
    request,
  })),
];

/** One call of the whole matrix, wherever it goes. */
interface Call {
  readonly id: string;
  readonly tag: string;
  readonly url: string;
  readonly origin: string;
  readonly request: MatrixRequest;
  readonly doctor: Pick<DiagnoseOptions, 'assembly' | 'api'>;
  readonly served: () => ServedResponse[];
}

let server: ConfigServer;
let gateway: RunningGateway;
let chromium: ChromiumFetcher;
const gatewayLog: GatewayExchange[] = [];
const calls: Call[] = [];
const observed = new Map<string, BrowserObservation>();
const doctor = new Map<string, DoctorResult>();

/** What a server answered Chromium (the doctor's requests carry the doctor's User-Agent). */
const byChromium = (userAgent: string | undefined) => userAgent !== DOCTOR_USER_AGENT;

beforeAll(async () => {
  const assembly = await fixtureAssembly();
  server = await startConfigServer(PLAIN_CONFIGS, PAGE_ORIGIN);
  gateway = await startGateway({
    source: assembly,
    port: 0,
    logger: silentLogger,
    onExchange: (exchange) => gatewayLog.push(exchange),
  });
  chromium = await ChromiumFetcher.launch([LISTED, UNLISTED]);

  for (const [index, entry] of plainCases.entries()) {
    const tag = `p${index}`;
    calls.push({
      id: entry.id,
      tag,
      url: server.url(entry.config, tag),
      origin: entry.from === 'same' ? server.originA : PAGE_ORIGIN,
      request: entry.request,
      doctor: { assembly: false },
      served: () =>
        server
          .served(tag)
          .filter((served) => byChromium(served.headers['user-agent'] as string | undefined))
          .map((served) => ({ url: served.url, status: served.status, headers: served.responseHeaders })),
    });
  }
  for (const [index, entry] of GATEWAY_CASES.entries()) {
    const tag = `g${index}`;
    const base = gateway.apis.find((api) => api.logicalId === entry.api)!.url;
    const url = new URL(entry.path, base);
    url.searchParams.set('t', tag);
    calls.push({
      id: entry.id,
      tag,
      url: url.href,
      origin: entry.origin,
      request: entry.request,
      doctor: { assembly, api: entry.api },
      served: () =>
        gatewayLog
          .filter((exchange) => new URLSearchParams(exchange.request.url.split('?')[1]).get('t') === tag)
          .filter((exchange) =>
            byChromium(exchange.request.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1]),
          )
          .map((exchange) => ({
            url: new URL(exchange.request.url, base).href,
            status: exchange.response.status,
            headers: exchange.response.headers,
          })),
    });
  }

  const browserCalls: BrowserCall[] = calls.map((call) => ({
    tag: call.tag,
    url: call.url,
    origin: call.origin,
    init: {
      ...(call.request.method === undefined ? {} : { method: call.request.method }),
      ...(call.request.headers === undefined ? {} : { headers: call.request.headers }),
      ...(call.request.body === undefined ? {} : { body: call.request.body }),
      ...(call.request.credentials === undefined ? {} : { credentials: call.request.credentials }),
    },
    readHeaders: call.request.readHeaders ?? [],
  }));
  for (const [tag, observation] of await chromium.run(browserCalls)) observed.set(tag, observation);
  const judge = async (call: Call) => {
    const { id: _, ...request } = call.request;
    try {
      doctor.set(
        call.tag,
        await diagnose({ url: call.url, origin: call.origin, ...request, ...call.doctor }),
      );
    } catch (error) {
      if (!(error instanceof FetchTypeError)) throw error;
      doctor.set(call.tag, error);
    }
  };
  // A few at a time: each call's own exchanges stay in order, and the servers are never swamped.
  for (let start = 0; start < calls.length; start += 16)
    await Promise.all(calls.slice(start, start + 16).map(judge));
});

afterAll(async () => {
  await chromium?.close();
  await gateway?.close();
  await server?.close();
});

function disagreements(tag: string): string[] {
  const call = calls.find((candidate) => candidate.tag === tag)!;
  return mismatches(doctor.get(tag)!, observed.get(tag)!, call.request.readHeaders ?? [], call.served());
}

describe('the doctor agrees with Chromium on a plain server', () => {
  it.each(plainCases.map((entry, index) => [entry.id, `p${index}`] as const))('%s', (_, tag) => {
    expect(disagreements(tag)).toEqual([]);
  });
});

describe('the doctor agrees with Chromium on the local gateway', () => {
  it.each(GATEWAY_CASES.map((entry, index) => [entry.id, `g${index}`] as const))('%s', (_, tag) => {
    expect(disagreements(tag)).toEqual([]);
  });
});

describe('the matrix', () => {
  it('has more than 150 calls, blocked and allowed at every step, and all of them agree', () => {
    const results = calls.map((call) => doctor.get(call.tag)!);
    const steps = new Set(
      results.map((result) =>
        result instanceof FetchTypeError ? 'type-error' : `${result.verdict} ${result.step}`,
      ),
    );
    const agreeing = calls.filter((call) => disagreements(call.tag).length === 0).length;
    process.stdout.write(
      `differential matrix: ${agreeing} of ${calls.length} calls agree with Chromium (${plainCases.length} on a plain server, ${GATEWAY_CASES.length} on the local gateway)\n`,
    );
    expect(calls.length).toBeGreaterThan(150);
    expect([...steps].sort()).toEqual([
      'allowed null',
      'blocked preflight',
      'blocked read-header',
      'blocked redirect',
      'blocked request',
      'type-error',
    ]);
    expect(agreeing).toBe(calls.length);
  });
});
