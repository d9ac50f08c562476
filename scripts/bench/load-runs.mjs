// One bounded load run against a server with autocannon, and the medians that sum up several runs.
import autocannon from 'autocannon';
import { cpuMs } from './process-stats.mjs';
import { CONNECTIONS, DURATION } from './settings.mjs';

/**
 * Loads `url` with `scenario`'s request for `BENCH_DURATION` seconds on `BENCH_CONNECTIONS` connections.
 * Resolves with the req/s, the p50 and p99 latencies and the server's (`pid`'s) CPU µs per request; throws
 * when any answer failed.
 */
export async function load(url, scenario, pid) {
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
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The run whose req/s is the median of `runs`. */
export function medianRun(runs) {
  const rps = median(runs.map((run) => run.rps));
  return runs.reduce((best, run) => (Math.abs(run.rps - rps) < Math.abs(best.rps - rps) ? run : best));
}
