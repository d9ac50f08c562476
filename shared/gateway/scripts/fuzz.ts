/**
 * A bounded fuzz run of the local gateway on loopback: it serves the fuzz template (a REST API with every
 * integration kind and an HTTP API, all on chaotic functions), sends hostile requests, checks every answer
 * is well-formed HTTP, and measures the gateway's resident memory before and after.
 *
 *   pnpm --filter @cors-workshop/gateway run fuzz [--requests 10000] [--seconds 600] [--concurrency 4] [--seed N]
 *
 * Exits 1 when an answer is malformed, the gateway stops serving or does not exit 0 on SIGTERM, or its RSS
 * ends more than 20% above where it started. Both measurements follow a warm-up of the same traffic (so the
 * Lambda environments, the embedded DynamoDB and the gateway's heap have reached their working size), a
 * pause in which idle Lambda environments are reclaimed, and a full garbage collection of the gateway's
 * heap, asked for through its inspector on loopback: what remains is what the gateway holds, not garbage
 * V8 has not yet collected. The RSS without that collection is reported too. Loopback only; the gateway's
 * own log goes to a file named in the report.
 * @module
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { request, WebSocket } from 'undici';
import { fuzzTemplate } from '../test/fuzz/fuzz-template.js';
import { type FuzzTargets, seededRandom } from '../test/fuzz/hostile-requests.js';
import { runFuzz } from '../test/fuzz/run-fuzz.js';
import { writeTemplate } from '../test/support/rest-template.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '4' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
  },
});
const count = Number(values.requests);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const seed = Number(values.seed);

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gateway-fuzz-'));
const logFile = join(work, 'gateway.log');
const template = writeTemplate(fuzzTemplate());

/** The resident set size of process `pid`, in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The gateway's inspector, through which a full garbage collection is asked for before each measurement. */
async function connectInspector(): Promise<{ collectGarbage: () => Promise<void>; close: () => void }> {
  let url: string | undefined;
  while (!url) {
    url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(readFileSync(logFile, 'utf8'))?.[0];
    if (!url) await settle(50);
  }
  const socket = new WebSocket(url);
  await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  let id = 0;
  const collectGarbage = () =>
    new Promise<void>((resolve) => {
      const mine = ++id;
      const onMessage = (event: { data: unknown }) => {
        if (JSON.parse(String(event.data)).id !== mine) return;
        socket.removeEventListener('message', onMessage);
        resolve();
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method: 'HeapProfiler.collectGarbage' }));
    });
  return { collectGarbage, close: () => socket.close() };
}

/** The gateway's RSS after a pause (idle Lambda environments are reclaimed), without and with a full GC. */
async function measure(pid: number, collectGarbage: () => Promise<void>): Promise<[number, number]> {
  await settle(5000);
  const before = rssMb(pid);
  await collectGarbage();
  await settle(2000);
  return [before, rssMb(pid)];
}

// Idle Lambda environments are reclaimed after 3 s, so both measurements see the gateway itself (its
// process, the embedded DynamoDB) rather than however many environments the last burst happened to leave.
const child = spawn(
  process.execPath,
  ['--inspect=127.0.0.1:0', CLI, 'serve', template, '--json', '--port', '0', '--host', '127.0.0.1'],
  {
    env: { ...process.env, CORS_GATEWAY_LAMBDA_IDLE_MS: '3000' },
    stdio: ['ignore', 'pipe', openSync(logFile, 'w')],
  },
);
let stdout = '';
child.stdout!.on('data', (chunk) => {
  stdout += chunk;
});
while (!stdout.includes('\n')) await once(child.stdout!, 'data');
const apis: Array<{ kind: string; url: string; stage: string }> = JSON.parse(stdout.split('\n')[0]!).apis;
const rest = apis.find((api) => api.kind === 'REST')!;
const http = apis.find((api) => api.kind === 'HTTP')!;
const targets: FuzzTargets = {
  rest: { port: Number(new URL(rest.url).port), stage: rest.stage },
  http: { port: Number(new URL(http.url).port) },
};

const deadline = Date.now() + seconds * 1000;
const inspector = await connectInspector();
const warmUp = await runFuzz(seededRandom(seed + 1), targets, {
  count: Math.min(5000, count),
  concurrency,
  deadline,
});
const [rssBeforeNoGc, rssBefore] = await measure(child.pid!, inspector.collectGarbage);
const report = await runFuzz(seededRandom(seed), targets, { count, concurrency, deadline });
const [rssAfterNoGc, rssAfter] = await measure(child.pid!, inspector.collectGarbage);

/** Whether `url` answers 200. */
async function answers200(url: string): Promise<boolean> {
  try {
    const response = await request(url);
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}
const serving =
  (await answers200(`${rest.url}mock?v=still-serving`)) &&
  (await answers200(`${http.url}v2/x?value=still-serving`));
// The gateway waits on exit for a connected debugger: disconnect first.
inspector.close();
child.kill('SIGTERM');
const [exitCode] = await once(child, 'exit');

const ratio = rssAfter / rssBefore;
const round = (mb: number) => Math.round(mb * 10) / 10;
const summary = {
  command: `fuzz --requests ${count} --seconds ${seconds} --concurrency ${concurrency} --seed ${seed}`,
  warmUpRequests: warmUp.requests,
  requests: report.requests,
  durationMs: report.durationMs,
  statuses: report.statuses,
  problems: report.problems.length,
  firstProblems: report.problems.slice(0, 20).concat(warmUp.problems.slice(0, 5)),
  rssBeforeMb: round(rssBefore),
  rssAfterMb: round(rssAfter),
  rssRatio: Math.round(ratio * 1000) / 1000,
  rssWithoutFullGcMb: { before: round(rssBeforeNoGc), after: round(rssAfterNoGc) },
  servingAfterwards: serving,
  exitCodeOnSigterm: exitCode,
  gatewayLog: logFile,
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
const failed =
  report.problems.length > 0 ||
  warmUp.problems.length > 0 ||
  !serving ||
  exitCode !== 0 ||
  ratio > 1.2 ||
  report.requests < count;
process.exit(failed ? 1 : 0);
