// Starts the synth service (synth-service.mjs) and hands out synths of chapters, one at a time.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVICE = fileURLToPath(new URL('./synth-service.mjs', import.meta.url));

/**
 * Starts the synth service; `close()` stops it, and so does the end of this process.
 *
 * @param {object} [options]
 * @param {string} [options.cwd] - where the service runs; NodejsFunction finds the lock file from there
 * @param {(text: string) => void} [options.onOutput] - where the service's own output goes (esbuild's lines)
 * @returns {{ synth(chapterDir: string, options?: { outdir?: string, bundling?: boolean }): Promise<{ ms: number }>,
 *   warm(chapterDir: string): Promise<{ ms: number }>, pid: number, close(): Promise<void> }}
 */
export function startSynthService({ cwd = process.cwd(), onOutput = () => {} } = {}) {
  const child = fork(SERVICE, [], { cwd, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
  child.stdout.on('data', (chunk) => onOutput(String(chunk)));
  child.stderr.on('data', (chunk) => onOutput(String(chunk)));
  const pending = new Map();
  let nextId = 0;
  let exited;
  child.on('message', ({ id, ok, ms, error }) => {
    const request = pending.get(id);
    pending.delete(id);
    if (ok) request?.resolve({ ms });
    else request?.reject(new Error(error));
  });
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `the synth service stopped (${signal ?? `exit code ${code}`})`;
      for (const request of pending.values()) request.reject(new Error(exited));
      pending.clear();
      resolve();
    });
  });
  const stopOnExit = () => child.kill();
  process.once('exit', stopOnExit);
  const send = (message) =>
    new Promise((resolve, reject) => {
      if (exited) {
        reject(new Error(exited));
        return;
      }
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, ...message });
    });
  return {
    pid: child.pid,
    synth: (chapterDir, options = {}) => send({ chapterDir, ...options }),
    /** Synthesizes into a scratch folder without bundling: loads the app's modules, writes nothing it keeps. */
    async warm(chapterDir) {
      const outdir = mkdtempSync(join(tmpdir(), 'cors-workshop-warm-'));
      try {
        return await send({ chapterDir, outdir, bundling: false });
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
    async close() {
      process.off('exit', stopOnExit);
      if (!exited) child.kill();
      await exit;
    },
  };
}
