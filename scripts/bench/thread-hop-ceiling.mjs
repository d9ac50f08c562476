// The ceiling of a Lambda path under the gateway's isolation: a bare server handing each request to a worker
// thread (thread-hop-server.mjs), against the bare baseline replaying the same answer, in the same run. The
// gateway's Lambda paths make this hop and build Lambda's event and API Gateway's answer around it, so their
// ratios cannot pass this one.
import { join } from 'node:path';
import { measureAgainstBaseline } from './against-baseline.mjs';

/** The thread counts measured: one, and the gateway's default concurrency per function. */
const THREAD_COUNTS = [1, 8];

/**
 * Measures the hop with each thread count.
 * @param tools - `startProcess`, `stop`, `load` and `median` of the benchmark, and its `root` and `rounds`
 * @returns a row per thread count: the threads, the median ratio, every round's, the hop's req/s and its CPU
 *   time per request (µs, every thread)
 */
export async function measureThreadHopCeilings(tools) {
  const rows = [];
  for (const threads of THREAD_COUNTS) {
    const hop = await tools.startProcess([join(tools.root, 'scripts/bench/thread-hop-server.mjs')], {
      BENCH_HOP_THREADS: String(threads),
    });
    try {
      const server = { child: hop.child, url: `${hop.ready.url}/hop` };
      rows.push({ threads, ...(await measureAgainstBaseline(tools, server, { method: 'GET' })) });
    } finally {
      await tools.stop(hop.child);
    }
  }
  return rows;
}
