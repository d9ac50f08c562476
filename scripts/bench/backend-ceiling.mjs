// The ceiling of a service-integration path: the embedded backend alone (dynalite, kinesalite), sent the
// write its path makes, against the bare baseline replaying the backend's own answer, in the same run. The
// gateway's path does this write and more, so its ratio cannot pass this one.
import { join } from 'node:path';
import { request } from 'undici';
import { BACKEND_REQUESTS } from './backend-requests.mjs';

/**
 * Measures each backend whose path ran.
 * @param tools - `startProcess`, `stop`, `load` and `median` of the benchmark, and its `root` and `rounds`
 * @param paths - the names of the paths the benchmark measured
 * @returns a row per backend: its name, its path, the median ratio and every round's
 */
export async function measureBackendCeilings(tools, paths) {
  const rows = [];
  for (const [name, requests] of Object.entries(BACKEND_REQUESTS)) {
    if (!paths.includes(requests.path)) continue;
    const backend = await tools.startProcess([join(tools.root, 'scripts/bench/embedded-backend.mjs')], {
      BENCH_BACKEND: name,
      BENCH_ROOT: tools.root,
    });
    const scenario = { method: 'POST', ...requests.write };
    const answer = await request(`${backend.ready.url}/`, scenario);
    const headers = Object.fromEntries(
      Object.entries(answer.headers).filter(
        ([header]) => !['date', 'connection', 'keep-alive'].includes(header),
      ),
    );
    const recorded = { '/backend': { status: answer.statusCode, headers, body: await answer.body.text() } };
    const baseline = await tools.startProcess([join(tools.root, 'scripts/bench/baseline-server.mjs')], {
      BASELINE_RESPONSES: JSON.stringify(recorded),
    });
    try {
      const ratios = [];
      const backendRps = [];
      for (let round = 0; round < tools.rounds; round++) {
        const base = await tools.load(`${baseline.ready.url}/backend`, scenario, baseline.child.pid);
        const alone = await tools.load(`${backend.ready.url}/`, scenario, backend.child.pid);
        ratios.push(alone.rps / base.rps);
        backendRps.push(alone.rps);
      }
      rows.push({
        name,
        path: requests.path,
        ratio: tools.median(ratios),
        ratios,
        rps: tools.median(backendRps),
      });
    } finally {
      await tools.stop(baseline.child);
      await tools.stop(backend.child);
    }
  }
  return rows;
}
