// `pnpm bench`: measures the local gateway against a bare node:http baseline in the same run, on this
// machine, and prints ratios. Loopback only; every load run is bounded in time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { request } from 'undici';
import { measureBackendCeilings } from './backend-ceiling.mjs';
import { measureExerciseFeedback } from './exercise-feedback.mjs';
import { load, median, medianRun } from './load-runs.mjs';
import { measureChapterTests, measureLabReload } from './loop-timings.mjs';
import { startPeer } from './peer.mjs';
import { peakRss, resetPeakRss } from './process-stats.mjs';
import { writeReport } from './report.mjs';
import { SCENARIOS } from './scenarios.mjs';
import { startProcess, stop } from './server-process.mjs';
import { CLI, CONNECTIONS, DURATION, PATHS, PEER, ROUNDS, root, TESTS, TIMINGS } from './settings.mjs';
import { measureThreadHopCeilings } from './thread-hop-ceiling.mjs';
import { measureTestDurations, measureWatchReload } from './timings.mjs';

/** The median time from starting `cors-gateway serve` on `source` to its ready line, over `runs` starts. */
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
if (proxyGet && PEER) {
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
const lambdaPaths = rows.filter((row) => row.name.includes('Lambda'));
let hopCeilings = [];
if (lambdaPaths.length > 0) {
  progress('a bare server handing each request to a worker thread');
  hopCeilings = await measureThreadHopCeilings({ root, rounds: ROUNDS, startProcess, stop, load, median });
}
const readyMs = {};
let reload;
let exerciseFeedback;
let labReload;
if (TIMINGS) {
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
if (TESTS) {
  progress("each chapter's pnpm test");
  chapterTests = measureChapterTests(root);
  progress('pnpm test, cold then cached');
  tests = measureTestDurations(root);
}

writeReport(root, {
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  rounds: ROUNDS,
  timings: TIMINGS,
  rows,
  ceilings,
  hopCeilings,
  peer,
  readyMs,
  reload,
  exerciseFeedback,
  labReload,
  chapterTests,
  tests,
});
