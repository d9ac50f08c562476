// A server measured alone against the bare baseline replaying that server's own answer, in alternating
// rounds: what the ceilings of the benchmark (a backend alone, the thread hop alone) are made of.
import { join } from 'node:path';
import { request } from 'undici';

const UNREPLAYED_HEADERS = new Set(['date', 'connection', 'keep-alive']);

/**
 * Records what `server` answers to `scenario` at `url`, starts a baseline that sends the same status, headers and
 * body, and loads the two in turn for `tools.rounds` rounds; the baseline is stopped after, `server` is not.
 * @param tools - `startProcess`, `stop`, `load` and `median` of the benchmark, and its `root` and `rounds`
 * @param server - the server's process (`child`) and its `url`
 * @param scenario - the request: `method`, and `headers` and `body` if any
 * @returns the median ratio of the server's req/s to the baseline's, every round's, the server's median req/s
 *   and its median CPU time per request (µs, every thread)
 */
export async function measureAgainstBaseline(tools, server, scenario) {
  const answer = await request(server.url, scenario);
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(([header]) => !UNREPLAYED_HEADERS.has(header)),
  );
  const recorded = { '/alone': { status: answer.statusCode, headers, body: await answer.body.text() } };
  const baseline = await tools.startProcess([join(tools.root, 'scripts/bench/baseline-server.mjs')], {
    BASELINE_RESPONSES: JSON.stringify(recorded),
  });
  try {
    const ratios = [];
    const rps = [];
    const cpu = [];
    for (let round = 0; round < tools.rounds; round++) {
      const base = await tools.load(`${baseline.ready.url}/alone`, scenario, baseline.child.pid);
      const alone = await tools.load(server.url, scenario, server.child.pid);
      ratios.push(alone.rps / base.rps);
      rps.push(alone.rps);
      cpu.push(alone.cpuUsPerRequest);
    }
    return {
      ratio: tools.median(ratios),
      ratios,
      rps: tools.median(rps),
      cpuUsPerRequest: tools.median(cpu),
    };
  } finally {
    await tools.stop(baseline.child);
  }
}
