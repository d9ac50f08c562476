// The ceiling of a Lambda path under the gateway's isolation: a bare server handing each request to a worker
// thread (thread-hop-server.mjs), against the bare baseline replaying the same answer, in the same run. The
// gateway's Lambda paths make this hop and build Lambda's event and API Gateway's answer around it, so their
// ratios cannot pass this one.
import { join } from 'node:path';
import { request } from 'undici';

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
  const scenario = { method: 'GET' };
  for (const threads of THREAD_COUNTS) {
    const hop = await tools.startProcess([join(tools.root, 'scripts/bench/thread-hop-server.mjs')], {
      BENCH_HOP_THREADS: String(threads),
    });
    const answer = await request(`${hop.ready.url}/hop`);
    const headers = Object.fromEntries(
      Object.entries(answer.headers).filter(
        ([header]) => !['date', 'connection', 'keep-alive'].includes(header),
      ),
    );
    const recorded = { '/hop': { status: answer.statusCode, headers, body: await answer.body.text() } };
    const baseline = await tools.startProcess([join(tools.root, 'scripts/bench/baseline-server.mjs')], {
      BASELINE_RESPONSES: JSON.stringify(recorded),
    });
    try {
      const ratios = [];
      const hopRps = [];
      const hopCpu = [];
      for (let round = 0; round < tools.rounds; round++) {
        const base = await tools.load(`${baseline.ready.url}/hop`, scenario, baseline.child.pid);
        const alone = await tools.load(`${hop.ready.url}/hop`, scenario, hop.child.pid);
        ratios.push(alone.rps / base.rps);
        hopRps.push(alone.rps);
        hopCpu.push(alone.cpuUsPerRequest);
      }
      rows.push({
        threads,
        ratio: tools.median(ratios),
        ratios,
        rps: tools.median(hopRps),
        cpuUsPerRequest: tools.median(hopCpu),
      });
    } finally {
      await tools.stop(baseline.child);
      await tools.stop(hop.child);
    }
  }
  return rows;
}
