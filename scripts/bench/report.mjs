// The report of a benchmark run: Markdown on stdout and in .bench/latest.md, every figure in .bench/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { join } from 'node:path';

/** A number as the report prints it: grouped thousands, `digits` decimals. */
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Prints the report of a run and writes it under `root`'s `.bench/`.
 * @param results - the run's settings (`connections`, `durationSeconds`, `rounds`), whether it measured the
 *   development loop (`timings`), and its figures: `rows`, `ceilings`, `hopCeilings`, `peer`, `readyMs`, `reload`,
 *   `exerciseFeedback`, `labReload`, `chapterTests`, `tests`
 */
export function writeReport(root, results) {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, Node ${process.versions.node}`;
  const date = new Date().toISOString().slice(0, 10);
  const loadAverage = loadavg()
    .map((n) => fmt(n, 1))
    .join(' / ');
  const report = reportLines({ ...results, date, machine, loadAverage }).join('\n');
  process.stdout.write(`${report}\n`);
  const out = join(root, '.bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.md'), `${report}\n`);
  const { connections, durationSeconds, rounds, rows, ceilings, hopCeilings, peer, readyMs, reload } =
    results;
  const { exerciseFeedback, labReload, chapterTests, tests } = results;
  writeFileSync(
    join(out, 'latest.json'),
    `${JSON.stringify({ date, machine, loadAverage: loadavg(), connections, durationSeconds, rounds, rows, ceilings, hopCeilings, peer, readyMs, reload, exerciseFeedback, labReload, chapterTests, tests }, null, 2)}\n`,
  );
}

/**
 * The lines of the Markdown report: `results` as {@link writeReport} takes them, with the run's `date`, its
 * `machine` and the `loadAverage` at the end.
 */
export function reportLines(results) {
  const { date, machine, loadAverage, connections, durationSeconds, rounds, rows, ceilings, peer } = results;
  const { readyMs, timings, chapterTests, tests, hopCeilings = [] } = results;
  return [
    `Benchmark of ${date} on ${machine}, load average ${loadAverage} at the end; ${connections} connections, ${rounds} alternating rounds of ${durationSeconds} s per path and side (\`pnpm bench\`).`,
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
    ...hopCeilings.map(
      (c) =>
        `Ceiling of the Lambda paths: a bare server handing each request to ${c.threads === 1 ? 'one worker thread' : `${c.threads} worker threads`} and back, ${fmt(c.rps)} req/s and ${fmt(c.cpuUsPerRequest)} µs of CPU per request, ${fmt(c.ratio, 2)}× the baseline (rounds ${c.ratios.map((x) => fmt(x, 2)).join(' ')}); a Lambda path makes this hop and builds the event and the answer around it.`,
    ),
    ...(hopCeilings.length > 0 ? [''] : []),
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
    ...(timings ? devLoopLines(results) : []),
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
}

/** The lines on the development loop: watch-mode reload, the lab's reload, the exercise runner's feedback. */
function devLoopLines({ reload, labReload, exerciseFeedback }) {
  return [
    `Watch mode (\`pnpm run dev\`): handler edited → first request served by the new code: ${fmt(reload.reloadMs)} ms (median of ${reload.runs}; target ≤ 1,000 ms ${reload.reloadMs <= 1000 ? '✔' : '✘'}).`,
    `The lab (\`pnpm start\`): handler edited → the page shows the call's new verdict: ${fmt(labReload.medianMs)} ms (median of ${labReload.runs}; target ≤ 2,000 ms ${labReload.medianMs <= 2000 ? '✔' : '✘'}).`,
    `\`pnpm exercise\` watch mode: save → verdict (synth, serve, request and browser checks), exercise 01.01: ${fmt(exerciseFeedback.handlerSaveMs)} ms after a handler save, ${fmt(exerciseFeedback.stackSaveMs)} ms after a stack save (medians of ${exerciseFeedback.runs}), ${fmt(exerciseFeedback.solvingSaveMs)} ms for the solving save; ${fmt(exerciseFeedback.handlerSaveMs / exerciseFeedback.cdkSynthMs, 2)}× the ${fmt(exerciseFeedback.cdkSynthMs)} ms of \`cdk synth\` alone (target ≤ 5,000 ms ${Math.max(exerciseFeedback.handlerSaveMs, exerciseFeedback.stackSaveMs, exerciseFeedback.solvingSaveMs) <= 5000 ? '✔' : '✘'}). The first check of a session, which starts the synth process and Chromium, took ${fmt(exerciseFeedback.firstMs)} ms.`,
  ];
}
