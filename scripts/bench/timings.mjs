// Timings of the development loop: watch-mode reload and the test suite, cold and cached.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs chapter 01's `dev` loop (in-process synth + the gateway in watch mode), then repeatedly edits the
 * handler and times until a request gets the new answer. The handler is restored afterwards, whatever
 * happens.
 */
export async function measureWatchReload(root, runs = 5) {
  const chapterDir = join(root, 'chapters/01-rest-proxy');
  const handler = join(chapterDir, 'handlers/rest-proxy.ts');
  const original = readFileSync(handler, 'utf8');
  const restore = () => writeFileSync(handler, original);
  process.once('SIGINT', () => {
    restore();
    process.exit(130);
  });
  const child = spawn(process.execPath, [join(root, 'scripts/dev.mjs')], {
    cwd: chapterDir,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const times = [];
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /(http:\/\/\S+\/prod\/)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the dev loop exited with ${code}`)));
    });
    for (let run = 1; run <= runs; run++) {
      const marker = `ok-${run}`;
      const startedAt = performance.now();
      writeFileSync(handler, original.replace("state: 'ok'", `state: '${marker}'`));
      for (;;) {
        const body = await (await fetch(url)).text();
        if (body.includes(marker)) break;
        if (performance.now() - startedAt > 30_000) throw new Error('the edit was not served within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      times.push(performance.now() - startedAt);
    }
  } finally {
    restore();
    child.kill('SIGTERM');
  }
  times.sort((a, b) => a - b);
  return { reloadMs: times[Math.floor(times.length / 2)], runs };
}

/** `pnpm test` with turbo's cache ignored (`TURBO_FORCE`), then again on a cache hit, in milliseconds. */
export function measureTestDurations(root) {
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
  const time = (extraEnv) => {
    const startedAt = performance.now();
    execFileSync('pnpm', ['test'], { cwd: root, stdio: 'ignore', env: { ...env, ...extraEnv } });
    return performance.now() - startedAt;
  };
  const coldMs = time({ TURBO_FORCE: 'true' });
  const cachedMs = time({});
  return { coldMs, cachedMs };
}
