// `pnpm bench`: measures the local gateway against a bare node:http baseline in the same run, on this
// machine, and prints ratios. Loopback only; every load run is bounded in time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { request } from 'undici';
import { measureBackendCeilings } from './backend-ceiling.mjs';
import { measureExerciseFeedback } from './exercise-feedback.mjs';
import { measureChapterTests, measureLabReload } from './loop-timings.mjs';
import { startPeer } from './peer.mjs';
import { cpuMs, resetPeakRss } from './process-stats.mjs';
import { measureTestDurations, measureWatchReload } from './timings.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The gateway measured; BENCH_CLI names another build of it, e.g. of an earlier commit, to compare. */
const CLI = process.env.BENCH_CLI ?? join(root, 'shared/gateway/dist/cli.js');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Alternating baseline/gateway runs per path; the ratio reported is their median, with the spread. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Only the paths whose name matches this regular expression (all by default). */
const PATHS = new RegExp(process.env.BENCH_PATHS ?? '.');
const preflight = (origin) => ({ origin, 'access-control-request-method': 'GET' });

/**
 * Every benchmarked path: the chapter serving it, the request (with its body, if any), and the target ratio
 * to the baseline.
 */
const SCENARIOS = [
  { name: 'REST preflight (MOCK)', chapter: '01-rest-proxy', method: 'OPTIONS', path: '', target: 0.9 },
  { name: 'REST proxy GET (Lambda)', chapter: '01-rest-proxy', method: 'GET', path: '', target: 0.5 },
  {
    name: 'REST multi-origin preflight (VTL)',
    chapter: '01-rest-proxy',
    method: 'OPTIONS',
    path: 'greeting',
    headers: preflight('http://localhost:5173'),
    target: 0.6,
  },
  {
    name: 'REST custom-integration GET (VTL + Lambda)',
    chapter: '02-rest-custom-vtl',
    method: 'GET',
    path: '',
    target: 0.5,
  },
  {
    name: 'HTTP API preflight',
    chapter: '03-http-api',
    method: 'OPTIONS',
    path: '',
    headers: preflight('https://app.example.com'),
    target: 0.9,
  },
  {
    name: 'HTTP API GET (Lambda)',
    chapter: '03-http-api',
    method: 'GET',
    path: '',
    headers: { origin: 'https://app.example.com' },
    target: 0.5,
  },
  {
    name: 'REST service-integration POST (DynamoDB)',
    chapter: '04-service-integrations',
    method: 'POST',
    path: 'items',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: '{"id":"bench","text":"written by the benchmark"}',
    // A second HTTP round trip, to the embedded DynamoDB, and its work, against a canned answer.
    target: 0.3,
  },
  {
    name: 'HTTP API service-integration POST (Kinesis)',
    chapter: '04-service-integrations',
    method: 'POST',
    path: 'events',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: '{"itemId":"bench","text":"written by the benchmark"}',
    // A second HTTP round trip, to the embedded Kinesis, and its work, against a canned answer.
    target: 0.3,
  },
];

/** Starts a server process that prints a JSON ready line; resolves with the line, the process and the time. */
function startProcess(args, env = {}) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline !== -1)
        resolve({ child, ready: JSON.parse(out.slice(0, newline)), ms: performance.now() - startedAt });
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)),
    );
  });
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak resident set size of a process (VmHWM), read once the load is over. */
function peakRss(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

async function load(url, scenario, pid) {
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    method: scenario.method,
    headers: scenario.headers ?? {},
    body: scenario.body,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0)
    throw new Error(`${scenario.method} ${url}: ${bad} failed responses of ${result.requests.total}`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // The server's CPU time per answer, all its threads: unlike req/s, it hardly depends on what else runs.
    cpuUsPerRequest: ((cpuMs(pid) - cpuBefore) * 1000) / result.requests.total,
  };
}

/** The median of some numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The run whose req/s is the median of `runs`. */
function medianRun(runs) {
  const rps = median(runs.map((run) => run.rps));
  return runs.reduce((best, run) => (Math.abs(run.rps - rps) < Math.abs(best.rps - rps) ? run : best));
}

async function readyTime(source, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { child, ms } = await startProcess([CLI, 'serve', source, '--json', '--port', '0']);
    times.push(ms);
    await stop(child);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const gateways = new Map();
for (const chapter of new Set(SCENARIOS.map((s) => s.chapter))) {
  const source = join(root, 'chapters', chapter, 'cdk.out');
  if (existsSync(source))
    gateways.set(chapter, await startProcess([CLI, 'serve', source, '--json', '--port', '0']));
}
process.once('exit', () => {
  for (const gateway of gateways.values()) gateway.child.kill();
});
const apiOf = (scenario) =>
  gateways
    .get(scenario.chapter)
    ?.ready.apis.find((api) => api.kind === (scenario.name.startsWith('HTTP') ? 'HTTP' : 'REST'));
const scenarios = SCENARIOS.filter((scenario) => PATHS.test(scenario.name) && apiOf(scenario));

// Record what the gateway answers on each path; the baseline sends exactly that.
const SKIPPED = new Set(['date', 'connection', 'keep-alive', 'x-amzn-requestid']);
const recorded = {};
for (const [index, scenario] of scenarios.entries()) {
  scenario.url = apiOf(scenario).url + scenario.path;
  const response = await request(scenario.url, {
    method: scenario.method,
    headers: scenario.headers ?? {},
    body: scenario.body,
  });
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !SKIPPED.has(name)));
  recorded[`/s${index}`] = { status: response.statusCode, headers, body: await response.body.text() };
  if (response.statusCode >= 400)
    throw new Error(`${scenario.name}: the gateway answered ${response.statusCode}`);
}
const baseline = await startProcess([join(root, 'scripts/bench/baseline-server.mjs')], {
  BASELINE_RESPONSES: JSON.stringify(recorded),
});

const rows = [];
const progress = (line) => process.stderr.write(`bench: ${line}\n`);
for (const [index, scenario] of scenarios.entries()) {
  progress(`${scenario.name} (${ROUNDS} × ${DURATION} s baseline, ${DURATION} s gateway)`);
  const gateway = gateways.get(scenario.chapter);
  await autocannon({
    url: scenario.url,
    method: scenario.method,
    headers: scenario.headers ?? {},
    body: scenario.body,
    connections: CONNECTIONS,
    amount: 2000,
  });
  const rssPerPath = resetPeakRss(gateway.child.pid);
  const bases = [];
  const ours = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating the two keeps a change in the machine's load from favouring either side.
    bases.push(await load(`${baseline.ready.url}/s${index}`, scenario, baseline.child.pid));
    ours.push(await load(scenario.url, scenario, gateway.child.pid));
    ratios.push(ours.at(-1).rps / bases.at(-1).rps);
  }
  rows.push({
    name: scenario.name,
    target: scenario.target,
    baseline: medianRun(bases),
    gateway: medianRun(ours),
    ratio: median(ratios),
    ratios,
    cpuRatio:
      median(bases.map((base) => base.cpuUsPerRequest)) / median(ours.map((run) => run.cpuUsPerRequest)),
    rss: peakRss(gateway.child.pid),
    rssPerPath,
  });
}
let peer;
const proxyGet = rows.find((row) => row.name === 'REST proxy GET (Lambda)');
if (proxyGet && process.env.BENCH_PEER !== '0') {
  progress('serverless-offline GET on the same handler');
  const { child, url } = await startPeer(root, 4700, progress);
  try {
    await autocannon({ url, connections: CONNECTIONS, amount: 2000 });
    const result = await load(url, { method: 'GET' }, child.pid);
    peer = { name: 'serverless-offline 13 GET (same handler)', ...result, rss: peakRss(child.pid) };
    peer.ours = proxyGet.gateway.rps / result.rps;
  } finally {
    await stop(child);
  }
}
for (const gateway of gateways.values()) await stop(gateway.child);
await stop(baseline.child);
progress('each embedded service backend alone');
const ceilings = await measureBackendCeilings(
  { root, rounds: ROUNDS, startProcess, stop, load, median },
  rows.map((row) => row.name),
);
// BENCH_TIMINGS=0 measures the request paths only (no start-up, watch-mode or exercise timings).
const timings = process.env.BENCH_TIMINGS !== '0';
const readyMs = {};
let reload;
let exerciseFeedback;
let labReload;
if (timings) {
  progress('time to ready');
  for (const chapter of gateways.keys())
    readyMs[chapter] = await readyTime(join(root, 'chapters', chapter, 'cdk.out'), 5);
  progress('watch-mode reload');
  reload = await measureWatchReload(root);
  progress('exercise feedback');
  exerciseFeedback = await measureExerciseFeedback(root);
  progress('the lab: handler edited → new verdict in the page');
  labReload = await measureLabReload(root);
}
let tests;
let chapterTests;
if (process.env.BENCH_TESTS !== '0') {
  progress("each chapter's pnpm test");
  chapterTests = measureChapterTests(root);
  progress('pnpm test, cold then cached');
  tests = measureTestDurations(root);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, Node ${process.versions.node}`;
const date = new Date().toISOString().slice(0, 10);
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const loadAverage = loadavg()
  .map((n) => fmt(n, 1))
  .join(' / ');
const lines = [
  `Benchmark of ${date} on ${machine}, load average ${loadAverage} at the end; ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION} s per path and side (\`pnpm bench\`).`,
  '',
  '| path | baseline req/s | gateway req/s | ratio (median) | ratio per round | target | CPU per request, gateway / baseline µs | gateway p50 / p99 ms | baseline p50 / p99 ms | gateway peak RSS MB (this path) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.baseline.rps)} | ${fmt(r.gateway.rps)} | ${fmt(r.ratio, 2)}× | ${r.ratios.map((x) => fmt(x, 2)).join(' ')} | ${r.target === undefined ? '—' : `≥ ${r.target}× ${r.ratio >= r.target ? '✔' : '✘'}`} | ${fmt(r.gateway.cpuUsPerRequest)} / ${fmt(r.baseline.cpuUsPerRequest)} | ${r.gateway.p50} / ${r.gateway.p99} | ${r.baseline.p50} / ${r.baseline.p99} | ${fmt(r.rss / 2 ** 20)}${r.rssPerPath ? '' : ' (since start)'} |`,
  ),
  '',
  'CPU per request counts every thread of the server process (Lambda environments and embedded backends included); on a loaded machine the req/s ratio tends towards the inverse ratio of these.',
  '',
  ...ceilings.map(
    (c) =>
      `Ceiling of ${c.path}: ${c.name} alone, sent the same write, ${fmt(c.rps)} req/s, ${fmt(c.ratio, 2)}× the baseline (rounds ${c.ratios.map((x) => fmt(x, 2)).join(' ')}); the gateway's path makes this call and more.`,
  ),
  ...(ceilings.length > 0 ? [''] : []),
  ...(peer
    ? [
        `Peer on the same handler: serverless-offline 13 ${fmt(peer.rps)} req/s (p50 ${peer.p50} ms, p99 ${peer.p99} ms, peak RSS ${fmt(peer.rss / 2 ** 20)} MB); the gateway's proxied GET is ${fmt(peer.ours, 1)}× its throughput (target ≥ 5× ${peer.ours >= 5 ? '✔' : '✘'}).`,
        '',
      ]
    : []),
  ...Object.entries(readyMs).map(
    ([chapter, ms]) =>
      `\`cors-gateway serve\` to ready, chapter ${chapter} (median of 5): ${fmt(ms)} ms (target ≤ 500 ms ${ms <= 500 ? '✔' : '✘'})`,
  ),
  ...(timings ? devLoopLines() : []),
  ...(chapterTests
    ? [
        `A chapter's \`pnpm test\`, in its folder: ${Object.entries(chapterTests)
          .map(([chapter, ms]) => `${chapter} ${fmt(ms / 1000, 1)} s`)
          .join(
            ', ',
          )} (target ≤ 10 s each ${Object.values(chapterTests).every((ms) => ms <= 10_000) ? '✔' : '✘'}).`,
      ]
    : []),
  ...(tests
    ? [
        `\`pnpm test\`: ${fmt(tests.coldMs / 1000, 1)} s cold (TURBO_FORCE; target ≤ 60 s ${tests.coldMs <= 60_000 ? '✔' : '✘'}), ${fmt(tests.cachedMs / 1000, 1)} s on a cache hit (target ≤ 5 s ${tests.cachedMs <= 5000 ? '✔' : '✘'}).`,
      ]
    : []),
];

function devLoopLines() {
  return [
    `Watch mode (\`pnpm run dev\`): handler edited → first request served by the new code: ${fmt(reload.reloadMs)} ms (median of ${reload.runs}; target ≤ 1,000 ms ${reload.reloadMs <= 1000 ? '✔' : '✘'}).`,
    `The lab (\`pnpm start\`): handler edited → the page shows the call's new verdict: ${fmt(labReload.medianMs)} ms (median of ${labReload.runs}; target ≤ 2,000 ms ${labReload.medianMs <= 2000 ? '✔' : '✘'}).`,
    `\`pnpm exercise\` watch mode: save → verdict (synth, serve, request and browser checks), exercise 01.01: ${fmt(exerciseFeedback.handlerSaveMs)} ms after a handler save, ${fmt(exerciseFeedback.stackSaveMs)} ms after a stack save (medians of ${exerciseFeedback.runs}), ${fmt(exerciseFeedback.solvingSaveMs)} ms for the solving save; ${fmt(exerciseFeedback.handlerSaveMs / exerciseFeedback.cdkSynthMs, 2)}× the ${fmt(exerciseFeedback.cdkSynthMs)} ms of \`cdk synth\` alone (target ≤ 5,000 ms ${Math.max(exerciseFeedback.handlerSaveMs, exerciseFeedback.stackSaveMs, exerciseFeedback.solvingSaveMs) <= 5000 ? '✔' : '✘'}). The first check of a session, which starts the synth process and Chromium, took ${fmt(exerciseFeedback.firstMs)} ms.`,
  ];
}
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.md'), `${report}\n`);
writeFileSync(
  join(out, 'latest.json'),
  `${JSON.stringify({ date, machine, loadAverage: loadavg(), connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, rows, ceilings, peer, readyMs, reload, exerciseFeedback, labReload, chapterTests, tests }, null, 2)}\n`,
);
