// The ceiling of a service-integration path: the embedded backend alone (dynalite, kinesalite), sent the
// write its path makes, against the bare baseline replaying the backend's own answer, in the same run. The
// gateway's path does this write and more, so its ratio cannot pass this one.
import { join } from 'node:path';
import { measureAgainstBaseline } from './against-baseline.mjs';
import { BACKEND_REQUESTS } from './backend-requests.mjs';

/**
 * Measures each backend whose path ran.
 * @param tools - `startProcess`, `stop`, `load` and `median` of the benchmark, and its `root` and `rounds`
 * @param paths - the names of the paths the benchmark measured
 * @returns a row per backend: its name, its path, the median ratio, every round's, and the backend's req/s
 */
export async function measureBackendCeilings(tools, paths) {
  const rows = [];
  for (const [name, requests] of Object.entries(BACKEND_REQUESTS)) {
    if (!paths.includes(requests.path)) continue;
    const backend = await tools.startProcess([join(tools.root, 'scripts/bench/embedded-backend.mjs')], {
      BENCH_BACKEND: name,
      BENCH_ROOT: tools.root,
    });
    try {
      const server = { child: backend.child, url: `${backend.ready.url}/` };
      const measured = await measureAgainstBaseline(tools, server, { method: 'POST', ...requests.write });
      rows.push({ name, path: requests.path, ...measured });
    } finally {
      await tools.stop(backend.child);
    }
  }
  return rows;
}
