import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCTOR_USER_AGENT, diagnose, FetchTypeError } from '../src/index.js';
import { type BrowserCall, type BrowserObservation, ChromiumFetcher } from './differential/chromium-fetches.js';
import { mismatches, type DoctorResult } from './differential/compare.js';
import { type ConfigServer, startConfigServer } from './differential/config-server.js';
import { type PlainCase, PLAIN_CONFIGS, plainMatrix, TYPE_ERROR_REQUESTS } from './differential/plain-matrix.js';

const PAGE_ORIGIN = 'http://localhost:5173';

const plainCases: PlainCase[] = [
  ...plainMatrix(),
  ...TYPE_ERROR_REQUESTS.map((request) => ({ id: `acao-star × ${request.id}`, config: 'acao-star', request })),
];

let server: ConfigServer;
let chromium: ChromiumFetcher;
const observed = new Map<string, BrowserObservation>();
const doctor = new Map<string, DoctorResult>();

const tagOf = (index: number) => `p${index}`;
const originOf = (entry: PlainCase) => (entry.from === 'same' ? server.originA : PAGE_ORIGIN);

beforeAll(async () => {
  server = await startConfigServer(PLAIN_CONFIGS, PAGE_ORIGIN);
  chromium = await ChromiumFetcher.launch([PAGE_ORIGIN]);
  const calls: BrowserCall[] = plainCases.map((entry, index) => ({
    tag: tagOf(index),
    url: server.url(entry.config, tagOf(index)),
    origin: originOf(entry),
    init: {
      ...(entry.request.method === undefined ? {} : { method: entry.request.method }),
      ...(entry.request.headers === undefined ? {} : { headers: entry.request.headers }),
      ...(entry.request.body === undefined ? {} : { body: entry.request.body }),
      ...(entry.request.credentials === undefined ? {} : { credentials: entry.request.credentials }),
    },
    readHeaders: entry.request.readHeaders ?? [],
  }));
  for (const [tag, observation] of await chromium.run(calls)) observed.set(tag, observation);
  for (const [index, entry] of plainCases.entries()) {
    const tag = tagOf(index);
    try {
      doctor.set(
        tagOf(index),
        await diagnose({
          url: server.url(entry.config, tag),
          origin: originOf(entry),
          ...entry.request,
        }),
      );
    } catch (error) {
      if (!(error instanceof FetchTypeError)) throw error;
      doctor.set(tagOf(index), error);
    }
  }
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** What the server answered Chromium for a case (the doctor's requests are told apart by their User-Agent). */
function servedFor(index: number) {
  return server
    .served(tagOf(index))
    .filter((entry) => entry.headers['user-agent'] !== DOCTOR_USER_AGENT)
    .map((entry) => ({ url: entry.url, status: entry.status, headers: entry.responseHeaders }));
}

describe('the doctor agrees with Chromium on a plain server', () => {
  it.each(plainCases.map((entry, index) => [entry.id, index] as const))('%s', (_, index) => {
    const result = doctor.get(tagOf(index))!;
    const observation = observed.get(tagOf(index))!;
    const readHeaders = plainCases[index]!.request.readHeaders ?? [];
    expect(mismatches(result, observation, readHeaders, servedFor(index))).toEqual([]);
  });

  it('covers more than 150 configurations and requests', () => {
    expect(plainCases.length).toBeGreaterThan(150);
  });
});
