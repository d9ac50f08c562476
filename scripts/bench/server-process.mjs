// The server processes a benchmark starts (the gateway, the baseline, an embedded backend), each of which
// prints one JSON line once it is ready to serve.
import { spawn } from 'node:child_process';

/** Starts a server process that prints a JSON ready line; resolves with the line, the process and the time. */
export function startProcess(args, env = {}) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline !== -1)
        resolve({ child, ready: JSON.parse(out.slice(0, newline)), ms: performance.now() - startedAt });
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)),
    );
  });
}

/** Stops a server process with SIGTERM and waits until it has exited. */
export async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
