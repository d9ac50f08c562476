// `pnpm bench`: measures the local gateway against a bare node:http baseline in the same run, on this
// machine, and prints ratios. Loopback only; every load run is bounded in time.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'shared/gateway/dist/cli.js');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

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

/** Peak resident set size of a process, read from /proc while the load runs. */
function sampleRss(pid) {
  let peak = 0;
  const timer = setInterval(async () => {
    try {
      const { readFileSync } = await import('node:fs');
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {}
  }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function load(url, method, pid) {
  const stopSampling = sampleRss(pid);
  const result = await autocannon({ url, method, connections: CONNECTIONS, duration: DURATION });
  const rss = stopSampling();
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${method} ${url}: ${bad} failed responses of ${result.requests.total}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rss };
}

async function readyTimes(source, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { child, ms } = await startProcess([CLI, 'serve', source, '--json', '--port', '0']);
    times.push(ms);
    await stop(child);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const chapter = join(root, 'chapters/01-rest-proxy/cdk.out');
const baseline = await startProcess([join(root, 'scripts/bench/baseline-server.mjs')]);
const gateway = await startProcess([CLI, 'serve', chapter, '--json', '--port', '0']);
const gatewayUrl = gateway.ready.apis[0].url;

// Warm both up (the gateway's first GET starts the Lambda environments).
await autocannon({ url: gatewayUrl, connections: CONNECTIONS, amount: 500 });
await autocannon({ url: baseline.ready.url, connections: CONNECTIONS, amount: 500 });

const paths = [
  { name: 'REST preflight (MOCK)', method: 'OPTIONS', target: 0.8 },
  { name: 'REST proxy GET (Lambda)', method: 'GET', target: 0.4 },
];
const rows = [];
for (const path of paths) {
  const base = await load(baseline.ready.url, path.method, baseline.child.pid);
  const ours = await load(gatewayUrl, path.method, gateway.child.pid);
  rows.push({ ...path, baseline: base, gateway: ours, ratio: ours.rps / base.rps });
}
await stop(gateway.child);
await stop(baseline.child);
const readyMs = await readyTimes(chapter, 5);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, Node ${process.versions.node}`;
const date = new Date().toISOString().slice(0, 10);
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [
  `Benchmark of ${date} on ${machine}; ${CONNECTIONS} connections, ${DURATION} s per path.`,
  '',
  '| path | baseline req/s | gateway req/s | ratio | target | gateway p50 / p99 ms | baseline p50 / p99 ms | gateway peak RSS MB |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.baseline.rps)} | ${fmt(r.gateway.rps)} | ${fmt(r.ratio, 2)}× | ≥ ${r.target}× ${r.ratio >= r.target ? '✔' : '✘'} | ${r.gateway.p50} / ${r.gateway.p99} | ${r.baseline.p50} / ${r.baseline.p99} | ${fmt(r.gateway.rss / 2 ** 20)} |`,
  ),
  '',
  `\`cors-gateway serve\` to ready (chapter 01, median of 5): ${fmt(readyMs)} ms (target ≤ 500 ms ${readyMs <= 500 ? '✔' : '✘'})`,
];
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.md'), `${report}\n`);
writeFileSync(
  join(out, 'latest.json'),
  `${JSON.stringify({ date, machine, connections: CONNECTIONS, durationSeconds: DURATION, rows, readyMs }, null, 2)}\n`,
);
