// Everything `pnpm start` runs, as functions the screenshot script, the benchmark and the tests reuse: open
// the lab, check the chapters' ports, serve every chapter, and reload each one on every edit.

import { ChapterServer } from './chapter-server.mjs';
import { chapterPort, findChapters, isCdkApp, LAB_PORT } from './chapters.mjs';
import { createLabServer } from './lab-server.mjs';
import { chapterPortTaken, isPortFree, PortsTakenError } from './ports.mjs';
import { startSynthService } from './synth-client.mjs';

export { buildAndSynthesize, stopBuilding } from './build.mjs';
export { chapterPort, findChapters, LAB_PORT } from './chapters.mjs';
export { PortsTakenError } from './ports.mjs';

/**
 * Starts the lab's server before anything else, so that a second `pnpm start` learns at once that the
 * workshop is already running.
 *
 * @param {string} root - the repository root
 * @param {object} [options]
 * @param {string} [options.labOrigin] - the lab page's origin, as the browser sees it
 * @param {number} [options.port] - where the lab listens; 0 picks a free port (a browser must then map
 *   the origin to it, as the tests do)
 * @throws PortsTakenError when the port is taken
 */
export async function openLab(root, { labOrigin = `http://localhost:${LAB_PORT}`, port = LAB_PORT } = {}) {
  let chapters;
  const server = createLabServer({ root, labOrigin, chapters: () => chapters?.() });
  const listening = await listenOrExplain(server, port, `the lab (${labOrigin})`);
  return {
    labOrigin,
    port: listening,
    server,
    /** Makes /chapters.json answer with what `read` returns; the lab page starts its calls once it does. */
    setChapters(read) {
      chapters = () => ({ labOrigin, chapters: read() });
    },
  };
}

/**
 * Fails fast, before any build, when a chapter's port is taken (by `pnpm run dev`, say).
 * @throws PortsTakenError with one sentence naming the chapter and what to do
 */
export async function checkChapterPorts(chapters, portOf = chapterPort) {
  for (const chapter of chapters) {
    const port = portOf(chapter);
    if (port !== 0 && !(await isPortFree(port))) {
      throw new PortsTakenError(chapterPortTaken(chapter.folder, port));
    }
  }
}

/**
 * Serves every chapter on its stable ports, the lab's page origins, and fills the lab.
 *
 * @param {object} options
 * @param {string} options.root - the repository root
 * @param {Awaited<ReturnType<typeof openLab>>} options.lab - the lab opened with openLab
 * @param {(line: string) => void} [options.log] - where the gateways' request lines go; none when omitted
 * @param {(text: string) => void} options.write - where notes about failing chapters go
 * @param {Map<string, string>} [options.failed] - chapters whose synth failed, with the reason
 * @param {(chapter: object) => number} [options.portOf] - a chapter's first port (0: a free one)
 * @param {(origin: string) => number} [options.originPort] - the port a page origin is served on
 * @returns the chapter servers, the page origins and their ports, `watch()` that starts the live reload,
 *   and `close()`, which stops everything, the lab included
 */
export async function serveWorkshop({
  root,
  lab,
  log,
  write,
  failed = new Map(),
  portOf = chapterPort,
  originPort = (origin) => Number(new URL(origin).port),
}) {
  const servers = [];
  let service;
  const close = async () => {
    await service?.close();
    await Promise.all(servers.map((server) => server.close()));
    await lab.server.close();
  };
  try {
    for (const chapter of findChapters(root)) {
      const server = new ChapterServer({
        chapter,
        port: portOf(chapter),
        log: (line) => log?.(`${chapter.folder}  ${line}`),
        onChange: (changed) => lab.server.publishChapter(changed.snapshot()),
        onExchange: (exchange, stages) => lab.server.publish(chapter.folder, exchange, stages),
      });
      servers.push(server);
      await server.start(failed.get(chapter.folder));
      if (server.failing) write(`  ${chapter.folder}: ${server.problem}\n`);
      for (const note of server.notes) write(`  ${chapter.folder}: warning: ${note}\n`);
    }
    const origins = [...new Set(servers.flatMap((server) => server.calls.map((call) => call.origin)))].sort();
    const ports = new Map([[lab.labOrigin, lab.port]]);
    for (const origin of origins.filter((candidate) => candidate !== lab.labOrigin)) {
      ports.set(
        origin,
        await listenOrExplain(
          lab.server,
          originPort(origin),
          `the page origin ${origin} that the lab's calls come from (a development server may be using it)`,
        ),
      );
    }
    lab.setChapters(() => servers.map((server) => server.snapshot()));
    return {
      servers,
      chapters: servers.map((server) => server.snapshot()),
      origins,
      /** Where each page origin listens, the lab's own included. */
      originPorts: ports,
      /**
       * Starts the synth service and watches every chapter: an edit is synthesized, served on the same ports,
       * and the lab page runs the chapter's calls again. Meanwhile the service warms up on each chapter in
       * turn (`warmed`), so that the first edit of any chapter is as quick as the next ones.
       * @param {object} [options]
       * @param {(text: string) => void} [options.onOutput] - the service's own output (esbuild's lines)
       * @param {ReturnType<typeof startSynthService>} [options.service] - a running service to use instead
       *   of a new one; it is left running on close
       * @returns {{ service: ReturnType<typeof startSynthService>, warmed: Promise<void> }}
       */
      watch({ onOutput, service: given } = {}) {
        const synthesizer = given ?? startSynthService({ cwd: root, onOutput });
        if (given === undefined) service = synthesizer;
        for (const server of servers) server.watch(synthesizer);
        const warmed = (async () => {
          for (const chapter of findChapters(root).filter(isCdkApp)) {
            await synthesizer.warm(chapter.dir).catch(() => {});
          }
        })();
        return { service: synthesizer, warmed };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function listenOrExplain(server, port, what) {
  try {
    return await server.listen(port);
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    throw new PortsTakenError(
      `Port ${port}, for ${what}, is taken: is "pnpm start" already running in another terminal? ` +
        'Stop it (Ctrl-C there), or free the port, and try again.',
    );
  }
}
