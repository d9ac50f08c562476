// `pnpm run dev` in a chapter: serves the chapter on the local gateway (port 3000 + NN × 100, or $PORT) and
// re-synthesizes it whenever its code changes; the gateway serves each new synth on the same port. When the
// port is taken — by `pnpm start`, which already does all this for every chapter, or by anything else — it
// says so in one sentence and exits 1, before starting anything.
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChapterServer } from './lab/chapter-server.mjs';
import { chapterPort, LAB_PORT } from './lab/chapters.mjs';
import { devPortTaken, isPortFree, PortsTakenError } from './lab/ports.mjs';
import { startSynthService } from './lab/synth-client.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.cwd();
const folder = basename(dir);
const chapter = { folder, number: Number(folder.slice(0, 2)), dir };
const port = process.env.PORT ? Number(process.env.PORT) : chapterPort(chapter);
const err = (line) => process.stderr.write(`${line}\n`);

if (port !== 0 && !(await isPortFree(port))) {
  err(devPortTaken(folder, port, await workshopServes(folder)));
  process.exit(1);
}

const service = startSynthService({ cwd: root, onOutput: (text) => process.stderr.write(text) });
let lastProblem;
const server = new ChapterServer({
  chapter,
  port,
  log: (line) => err(`dev: ${line}`),
  onChange: (changed) => {
    if (changed.problem !== lastProblem && changed.problem !== undefined)
      err(`dev: ${folder} ${changed.problem}`);
    else if (lastProblem !== undefined && changed.problem === undefined)
      err(`dev: ${folder} is served again`);
    lastProblem = changed.problem;
  },
});
const stop = async (code) => {
  await server.close();
  await service.close();
  process.exit(code);
};
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

try {
  let failed;
  try {
    const { ms } = await service.synth(dir);
    err(`dev: synthesized (start) in ${ms} ms`);
  } catch (error) {
    failed = `its synth failed: ${error.message}`;
  }
  await server.start(failed);
  server.watch(service);
} catch (error) {
  // The port was taken between the check and the gateway's start: the same sentence, and nothing left behind.
  err(
    error instanceof PortsTakenError
      ? devPortTaken(folder, port, await workshopServes(folder))
      : String(error),
  );
  await stop(error instanceof PortsTakenError ? 1 : 2);
}
for (const api of server.apis) process.stdout.write(`${api.kind} ${api.logicalId} ${api.url}\n`);
process.stdout.write(
  `Edit ${folder}/handlers, lib or bin and the gateway serves the new code on the same port. Ctrl-C stops.\n`,
);

/** Whether the lab of `pnpm start` runs on this machine and serves this chapter. */
async function workshopServes(name) {
  try {
    const response = await fetch(`http://127.0.0.1:${LAB_PORT}/chapters.json`, {
      signal: AbortSignal.timeout(1000),
    });
    const body = await response.json();
    return body.chapters.some((candidate) => candidate.folder === name);
  } catch {
    return false;
  }
}
