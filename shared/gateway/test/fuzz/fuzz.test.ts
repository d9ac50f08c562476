import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../src/start-gateway.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';
import { fuzzTemplate } from './fuzz-template.js';
import { seededRandom } from './hostile-requests.js';
import { runFuzz } from './run-fuzz.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

describe('a bounded fuzz run on loopback', async () => {
  const gateway = await startGateway({
    source: writeTemplate(fuzzTemplate()),
    port: 0,
    logger: recordingLogger(),
  });
  afterAll(() => gateway.close());
  const rest = gateway.apis.find((api) => api.kind === 'REST')!;
  const http = gateway.apis.find((api) => api.kind === 'HTTP')!;
  const targets = {
    rest: { port: Number(new URL(rest.url).port), stage: rest.stage },
    http: { port: Number(new URL(http.url).port) },
  };

  it(`answers 400 hostile requests to every integration kind with well-formed HTTP (seed ${SEED})`, async () => {
    const report = await runFuzz(seededRandom(SEED), targets, { count: 400, concurrency: 4 });
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify(report, null, 1));
    expect(report.problems).toEqual([]);
    expect(report.requests).toBe(400);
    expect(Object.keys(report.statuses).length).toBeGreaterThan(5);
  }, 120_000);

  it('is still serving both APIs afterwards', async () => {
    const mock = await request(`${rest.url}mock?v=still`);
    expect(mock.statusCode).toBe(200);
    expect(mock.headers['x-echo']).toBe('still');
    await mock.body.dump();
    const fn = await request(`${http.url}v2/x?value=still`);
    expect(fn.statusCode).toBe(200);
    expect(fn.headers['x-value']).toBe('still');
    await fn.body.dump();
  });
});
