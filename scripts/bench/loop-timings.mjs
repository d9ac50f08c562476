// Timings of the learner's loop: an edit seen in the lab's page, and each chapter's own `pnpm test`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChapters } from '../lab/chapters.mjs';
import { openPrivateWorkshop } from '../lab/private-workshop.mjs';

const CARD = '#call-01-rest-proxy-simple-get';
const HEADER = "headers: { 'Access-Control-Allow-Origin': '*' },";

/**
 * Serves the workshop as `pnpm start` does (on free ports), opens the lab in a headless Chromium, then edits
 * chapter 01's handler, dropping and restoring its Access-Control-Allow-Origin header in turn, and times each
 * edit until the lab page shows the simple GET's new verdict: saved → synthesized → reloaded → run again in
 * the browser. The handler is restored afterwards, whatever happens.
 * @returns {Promise<{ medianMs: number, runs: number, times: number[] }>}
 */
export async function measureLabReload(root, runs = 6) {
  const handler = join(root, 'chapters/01-rest-proxy/handlers/rest-proxy.ts');
  const original = readFileSync(handler, 'utf8');
  if (!original.includes(HEADER)) throw new Error(`${handler} no longer has ${HEADER}`);
  // Rewritten only when changed, so that cdk.out is not left older than an unchanged handler.
  const restore = () => {
    if (readFileSync(handler, 'utf8') !== original) writeFileSync(handler, original);
  };
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  const opened = await openPrivateWorkshop({ root });
  const times = [];
  try {
    const { warmed } = opened.workshop.watch();
    await warmed;
    for (let run = 0; run < runs; run++) {
      const blocked = run % 2 === 0;
      const startedAt = performance.now();
      writeFileSync(handler, blocked ? original.replace(HEADER, '') : original);
      await opened.page.waitForFunction(
        ([selector, verdict]) => document.querySelector(selector)?.dataset.verdict === verdict,
        [CARD, blocked ? 'blocked' : 'allowed'],
        { timeout: 60_000, polling: 10 },
      );
      times.push(performance.now() - startedAt);
    }
  } finally {
    restore();
    process.off('SIGINT', onSignal);
    await opened.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], runs, times };
}

/**
 * Each chapter's `pnpm test`, run one after the other, as a learner runs it in the chapter's folder.
 * @returns {Record<string, number>} milliseconds by chapter folder
 */
export function measureChapterTests(root) {
  const times = {};
  for (const chapter of findChapters(root)) {
    const startedAt = performance.now();
    execFileSync('pnpm', ['test'], { cwd: chapter.dir, stdio: 'ignore' });
    times[chapter.folder] = performance.now() - startedAt;
  }
  return times;
}
