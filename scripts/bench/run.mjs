// `pnpm bench`: measures the local gateway against a bare node:http baseline in the same run, on this
// machine, and prints ratios. Loopback only; every load run is bounded in time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { request } from 'undici';
import { measureExerciseFeedback } from './exercise-feedback.mjs';
import { measureChapterTests, measureLabReload } from './loop-timings.mjs';
import { startPeer } from './peer.mjs';
import { measureTestDurations, measureWatchReload } from './timings.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'shared/gateway/dist/cli.js');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const preflight = (origin) => ({ origin, 'access-control-request-method': 'GET' });

/**
 * Every benchmarked path: the chapter serving it, the request (with its body, if any), and the target ratio
 * to the baseline.
 */
const SCENARIOS = [
  { name: 'REST preflight (MOCK)', chapter: '01-rest-proxy', method: 'OPTIONS', path: '', target: 0.8 },
  { name: 'REST proxy GET (Lambda)', chapter: '01-rest-proxy', method: 'GET', path: '', target: 0.4 },
  {
    name: 'REST multi-origin preflight (VTL)',
    chapter: '01-rest-proxy',
    method: 'OPTIONS',
    path: 'greeting',
    headers: preflight('http://localhost:5173'),
    target: 0.3,
  },
  {
    name: 'REST custom-integration GET (VTL + Lambda)',
    chapter: '02-rest-custom-vtl',
    method: 'GET',
    path: '',
    target: 0.3,
  },
  {
    name: 'HTTP API preflight',
    chapter: '03-http-api',
    method: 'OPTIONS',
    path: '',
    headers: preflight('https://app.example.com'),
    target: 0.8,
  },
  {
    name: 'HTTP API GET (Lambda)',
    chapter: '03-http-api',
    method: 'GET',
    path: '',
    headers: { origin: 'https://app.example.com' },
    target: 0.4,
  },
  {
    name: 'REST service-integration POST (DynamoDB)',
    chapter: '04-service-integrations',
    method: 'POST',
    path: 'items',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: '{"id":"bench","text":"written by the benchmark"}',
    // No target set: a second HTTP round trip, to the embedded DynamoDB, and its work, against a canned answer.
    target: undefined,
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

async function load(url, scenario) {
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
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
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
const scenarios = SCENARIOS.filter(apiOf);

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
  progress(`${scenario.name} (${DURATION} s baseline, ${DURATION} s gateway)`);
  const gateway = gateways.get(scenario.chapter);
  await autocannon({
    url: scenario.url,
    method: scenario.method,
    headers: scenario.headers ?? {},
    body: scenario.body,
    connections: CONNECTIONS,
    amount: 2000,
  });
  const base = await load(`${baseline.ready.url}/s${index}`, scenario);
  const ours = await load(scenario.url, scenario);
  rows.push({
    name: scenario.name,
    target: scenario.target,
    baseline: base,
    gateway: ours,
    ratio: ours.rps / base.rps,
    rss: peakRss(gateway.child.pid),
  });
}
let peer;
const proxyGet = rows.find((row) => row.name === 'REST proxy GET (Lambda)');
if (proxyGet && process.env.BENCH_PEER !== '0') {
  progress('serverless-offline GET on the same handler');
  const { child, url } = await startPeer(root, 4700, progress);
  try {
    await autocannon({ url, connections: CONNECTIONS, amount: 2000 });
    const result = await load(url, { method: 'GET' });
    peer = { name: 'serverless-offline 13 GET (same handler)', ...result, rss: peakRss(child.pid) };
    peer.ours = proxyGet.gateway.rps / result.rps;
  } finally {
    await stop(child);
  }
}
for (const gateway of gateways.values()) await stop(gateway.child);
await stop(baseline.child);
progress('time to ready');
const readyMs = {};
for (const chapter of gateways.keys())
  readyMs[chapter] = await readyTime(join(root, 'chapters', chapter, 'cdk.out'), 5);

progress('watch-mode reload');
const reload = await measureWatchReload(root);
progress('exercise feedback');
const exerciseFeedback = await measureExerciseFeedback(root);
progress('the lab: handler edited → new verdict in the page');
const labReload = await measureLabReload(root);
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
const lines = [
  `Benchmark of ${date} on ${machine}; ${CONNECTIONS} connections, ${DURATION} s per path (\`pnpm bench\`).`,
  '',
  '| path | baseline req/s | gateway req/s | ratio | target | gateway p50 / p99 ms | baseline p50 / p99 ms | gateway peak RSS MB |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.baseline.rps)} | ${fmt(r.gateway.rps)} | ${fmt(r.ratio, 2)}× | ${r.target === undefined ? '—' : `≥ ${r.target}× ${r.ratio >= r.target ? '✔' : '✘'}`} | ${r.gateway.p50} / ${r.gateway.p99} | ${r.baseline.p50} / ${r.baseline.p99} | ${fmt(r.rss / 2 ** 20)} |`,
  ),
  '',
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
  `Watch mode (\`pnpm run dev\`): handler edited → first request served by the new code: ${fmt(reload.reloadMs)} ms (median of ${reload.runs}; target ≤ 1,000 ms ${reload.reloadMs <= 1000 ? '✔' : '✘'}).`,
  `\`pnpm exercise\` watch mode: save → verdict (synth, serve, request and browser checks), exercise 01.01: ${fmt(exerciseFeedback.handlerSaveMs)} ms after a handler save, ${fmt(exerciseFeedback.stackSaveMs)} ms after a stack save (medians of ${exerciseFeedback.runs}), ${fmt(exerciseFeedback.solvingSaveMs)} ms for the solving save; ${fmt(exerciseFeedback.handlerSaveMs / exerciseFeedback.cdkSynthMs, 2)}× the ${fmt(exerciseFeedback.cdkSynthMs)} ms of \`cdk synth\` alone (target ≤ 5,000 ms ${Math.max(exerciseFeedback.handlerSaveMs, exerciseFeedback.stackSaveMs, exerciseFeedback.solvingSaveMs) <= 5000 ? '✔' : '✘'}). The first check of a session, which starts the synth process and Chromium, took ${fmt(exerciseFeedback.firstMs)} ms.`,
  `The lab (\`pnpm start\`): handler edited → the page shows the call's new verdict: ${fmt(labReload.medianMs)} ms (median of ${labReload.runs}; target ≤ 2,000 ms ${labReload.medianMs <= 2000 ? '✔' : '✘'}).`,
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
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.md'), `${report}\n`);
writeFileSync(
  join(out, 'latest.json'),
  `${JSON.stringify({ date, machine, connections: CONNECTIONS, durationSeconds: DURATION, rows, peer, readyMs, reload, exerciseFeedback, labReload, chapterTests, tests }, null, 2)}\n`,
);
