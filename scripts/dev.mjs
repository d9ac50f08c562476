// `pnpm run dev` in a chapter: serves the chapter on the local gateway (port 3000 + NN × 100, or $PORT) and
// re-synthesizes it whenever its code changes; the gateway serves each new synth on the same port.
import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGateway } from '@cors-workshop/gateway';

const chapterDir = process.cwd();
const chapter = basename(chapterDir);
const synthScript = join(dirname(fileURLToPath(import.meta.url)), 'dev-synth.mjs');

let child;
let stopping = false;
function startSynth() {
  return new Promise((resolve) => {
    // The chapter's own tools (esbuild for bundling) first on PATH, as `pnpm run` puts them.
    const env = { ...process.env, PATH: `${join(chapterDir, 'node_modules', '.bin')}:${process.env.PATH}` };
    child = spawn(process.execPath, ['--import', 'tsx', synthScript], {
      cwd: chapterDir,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      if (String(chunk).includes('dev: synthesized (start)')) resolve();
    });
    child.once('exit', (code) => {
      if (stopping) return;
      if (code === 75) process.stderr.write('dev: the app changed, starting a fresh synth process\n');
      else process.stderr.write(`dev: the synth process exited with ${code}; restarting it\n`);
      void startSynth();
    });
  });
}

await startSynth();
const port = Number(process.env.PORT ?? 3000 + Number(chapter.slice(0, 2)) * 100);
const gateway = await startGateway({ source: join(chapterDir, 'cdk.out'), port, watch: true });
for (const api of gateway.apis) process.stdout.write(`${api.kind} ${api.logicalId} ${api.url}\n`);
process.stdout.write(`Edit ${chapter}/handlers or lib and the gateway serves the new code. Ctrl-C stops.\n`);
const stop = async () => {
  stopping = true;
  child?.kill();
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
