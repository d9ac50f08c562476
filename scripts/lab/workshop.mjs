// Everything `pnpm start` runs, as functions the screenshot script reuses: find the chapters, build and
// synthesize them with progress, serve every chapter's APIs on its stable ports, and serve the lab.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startGateway } from '@cors-workshop/gateway';
import { createLabServer } from './lab-server.mjs';

/** The lab page's port. Chapter NN serves its first API on LAB_PORT + NN × 100, the next ones after it. */
export const LAB_PORT = 3000;

/** Thrown when a port the workshop needs is taken. */
export class PortsTakenError extends Error {
  name = 'PortsTakenError';
}

/**
 * The chapters of the repository, in order: `chapters/NN-slug` folders.
 * @returns {{ folder: string, number: number, dir: string }[]}
 */
export function findChapters(root) {
  return readdirSync(join(root, 'chapters'))
    .filter((name) => /^\d\d-/.test(name))
    .sort()
    .map((folder) => ({ folder, number: Number(folder.slice(0, 2)), dir: join(root, 'chapters', folder) }));
}

/** The port of a chapter's first API. */
export function chapterPort(chapter) {
  return LAB_PORT + chapter.number * 100;
}

/**
 * Builds the shared packages, then synthesizes each chapter, one `turbo` run at a time, writing a line of
 * progress for each step. Turbo's cache makes a repeated run fast.
 * @returns {Promise<Map<string, string>>} the chapters whose synth failed, with the reason
 * @throws Error with turbo's output when the shared packages do not build
 */
export async function buildAndSynthesize(root, chapters, write) {
  const steps = [
    { label: 'shared packages (gateway, helpers)', args: ['run', 'build', '--filter=./shared/*'] },
    ...chapters.map((chapter) => ({
      chapter,
      label: `${chapter.folder} (synth)`,
      args: ['run', 'synth', `--filter=./chapters/${chapter.folder}`],
    })),
  ];
  const failed = new Map();
  for (const [index, step] of steps.entries()) {
    write(`  [${index + 1}/${steps.length}] ${step.label} …`);
    const started = Date.now();
    const { code, output } = await runTurbo(root, step.args);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      write(` failed after ${seconds} s\n\n${output.trim()}\n\n`);
      const reason = `turbo ${step.args.join(' ')} exited with code ${code}`;
      if (step.chapter === undefined) throw new Error(reason);
      failed.set(step.chapter.folder, `its synth failed (${reason}); the output is in the terminal`);
      continue;
    }
    const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
    write(` done in ${seconds} s${cached && cached[1] === cached[2] ? ', cached' : ''}\n`);
  }
  return failed;
}

/** The build steps running now, stopped by stopBuilding() on Ctrl-C. */
const building = new Set();

/** Stops the build step that is running, if any. */
export function stopBuilding() {
  for (const child of building) child.kill('SIGINT');
}

function runTurbo(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'turbo'), [...args, '--output-logs=errors-only'], {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    building.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      building.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

/**
 * Starts the lab's server on LAB_PORT before anything else, so that a second `pnpm start` learns at once
 * that the workshop is already running.
 * @throws PortsTakenError when the port is taken
 */
export async function openLab(root) {
  const labOrigin = `http://localhost:${LAB_PORT}`;
  let ready;
  const server = createLabServer({ root, labOrigin, chapters: () => ready });
  await listenOrExplain(server, LAB_PORT, `the lab (${labOrigin})`);
  return {
    labOrigin,
    server,
    /** Makes /chapters.json answer; the lab page starts its calls once it does. */
    setChapters(chapters) {
      ready = { labOrigin, chapters };
    },
  };
}

async function listenOrExplain(server, port, what) {
  try {
    await server.listen(port);
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    throw new PortsTakenError(
      `Port ${port}, for ${what}, is taken: is "pnpm start" already running in another terminal? ` +
        'Stop it (Ctrl-C there), or free the port, and try again.',
    );
  }
}

/**
 * Serves every synthesized chapter on its stable ports, the lab's page origins, and fills the lab.
 *
 * @param {object} options
 * @param {string} options.root - the repository root
 * @param {Awaited<ReturnType<typeof openLab>>} options.lab - the lab opened with openLab
 * @param {(line: string) => void} [options.log] - where the gateways' request lines go; none when omitted
 * @param {(text: string) => void} options.write - where notes about skipped chapters go
 * @param {Map<string, string>} [options.failed] - chapters not to serve, with the reason (a failed synth)
 * @returns the served chapters and a close() that stops every gateway and the lab
 */
export async function serveWorkshop({ root, lab, log, write, failed = new Map() }) {
  const { readLabSpec } = await import(
    pathToFileURL(join(root, 'shared/testing/dist/lab/read-lab-spec.js')).href
  );
  const gateways = [];
  const chapters = [];
  const close = async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await lab.server.close();
  };
  try {
    for (const chapter of findChapters(root)) {
      const source = join(chapter.dir, 'cdk.out');
      if (failed.has(chapter.folder)) {
        // Whatever cdk.out holds is stale: serving it would show an older lesson.
        chapters.push({ ...describe(chapter), apis: [], calls: [], error: failed.get(chapter.folder) });
        continue;
      }
      if (!existsSync(join(source, 'manifest.json'))) {
        write(`  ${chapter.folder}: not synthesized yet, so not served\n`);
        continue;
      }
      const labFile = join(chapter.dir, 'lab.json');
      const spec = existsSync(labFile) ? readLabSpec(labFile) : undefined;
      const port = chapterPort(chapter);
      let gateway;
      try {
        gateway = await startGateway({
          source,
          port,
          logger: chapterLogger(chapter.folder, log),
          onExchange: (exchange) => lab.server.publish(chapter.folder, exchange),
        });
      } catch (error) {
        if (error?.name === 'GatewayConfigError') {
          // A template AWS would refuse: say so here and in the lab, and serve the other chapters.
          write(`  ${chapter.folder}: the local gateway refuses to serve it: ${error.message}\n`);
          chapters.push({ ...describe(chapter, spec), apis: [], calls: [], error: error.message });
          continue;
        }
        if (error?.code !== 'EADDRINUSE') throw error;
        throw new PortsTakenError(
          `Port ${port}, for chapter ${chapter.folder}, is taken: is "pnpm start", or the chapter's ` +
            '"pnpm run dev", already running? Stop it and try again.',
        );
      }
      gateways.push(gateway);
      chapters.push({
        ...describe(chapter, spec),
        apis: gateway.apis.map(({ logicalId, kind, url }) => ({ logicalId, kind, url })),
        calls: spec?.calls ?? [],
      });
    }
    const origins = [...new Set(chapters.flatMap((chapter) => chapter.calls.map((call) => call.origin)))];
    for (const origin of origins.filter((origin) => origin !== lab.labOrigin).sort()) {
      await listenOrExplain(
        lab.server,
        Number(new URL(origin).port),
        `the page origin ${origin} that the lab's calls come from (a development server may be using it)`,
      );
    }
    lab.setChapters(chapters);
    return { chapters, origins: origins.sort(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** How the lab names a chapter. */
function describe(chapter, spec) {
  return {
    folder: chapter.folder,
    title: spec?.title ?? readmeTitle(chapter.dir) ?? '',
    readme: `chapters/${chapter.folder}/README.md`,
  };
}

/** A gateway logger that prefixes every line with the chapter, or drops the lines when `log` is omitted. */
function chapterLogger(folder, log) {
  const write = log ? (line) => log(`${folder}  ${line}`) : () => {};
  return { verbose: false, info: write, error: write, debug: () => {} };
}

function readmeTitle(dir) {
  try {
    const heading = /^#\s+(.+)$/m.exec(readFileSync(join(dir, 'README.md'), 'utf8'));
    return heading?.[1]?.replace(/^Chapter \d+\s+—\s+/, '');
  } catch {
    return undefined;
  }
}
