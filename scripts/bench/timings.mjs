// Timings of the development loop: watch-mode reload and the test suite, cold and cached.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Serves a copy of chapter 01's assembly with `--watch`, then repeatedly writes a new synth (a changed
 * handler body, then the manifest, as `cdk synth` does) and times until a request gets the new answer.
 */
export async function measureWatchReload(root, cli, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-watch-'));
  cpSync(join(root, 'chapters/01-rest-proxy/cdk.out'), dir, { recursive: true });
  const child = spawn(process.execPath, [cli, 'serve', dir, '--json', '--port', '0', '--watch'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]).apis[0].url);
    });
  });
  const handlers = readdirSync(dir)
    .filter((name) => name.startsWith('asset.'))
    .map((name) => join(dir, name, 'index.js'))
    .filter((file) => readFileSync(file, 'utf8').includes('"ok"'));
  const times = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const marker = `ok-${run}`;
      for (const file of handlers)
        writeFileSync(file, readFileSync(file, 'utf8').replace(/"ok(-\d+)?"/, `"${marker}"`));
      const manifest = join(dir, 'manifest.json');
      const startedAt = performance.now();
      writeFileSync(manifest, readFileSync(manifest));
      for (;;) {
        const body = await (await fetch(url)).text();
        if (body.includes(marker)) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      times.push(performance.now() - startedAt);
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { reloadMs: times[Math.floor(times.length / 2)], runs };
}

/** `pnpm test` from scratch (turbo --force) and again on a turbo cache hit, in milliseconds. */
export function measureTestDurations(root) {
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
  const time = (args) => {
    const startedAt = performance.now();
    execFileSync('pnpm', args, { cwd: root, stdio: 'ignore', env });
    return performance.now() - startedAt;
  };
  const coldMs = time(['test', '--', '--force']);
  const cachedMs = time(['test']);
  return { coldMs, cachedMs };
}
