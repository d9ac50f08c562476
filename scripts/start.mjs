// `pnpm start`: builds and synthesizes every chapter (with progress), serves each chapter's APIs on the local
// gateway on stable ports (chapter NN on 3000 + NN × 100 and the next ports), serves the lab on
// http://localhost:3000 — where the browser runs every lesson's fetch() calls and shows its verdict next to
// what the gateway saw — opens it in the browser, and from then on re-synthesizes and reloads a chapter on
// every edit, the lab running its calls again. Ctrl-C stops everything.
// Options: --quiet (no request log), --no-build, --no-open (do not open the browser), --no-watch.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openInBrowser, shouldOpen } from './lab/open-browser.mjs';
import {
  buildAndSynthesize,
  checkChapterPorts,
  findChapters,
  openLab,
  PortsTakenError,
  serveWorkshop,
  stopBuilding,
} from './lab/workshop.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const out = (text) => process.stdout.write(text);
const logging = !args.has('--quiet');

let workshop;
let stopping = false;
const stop = async (signal) => {
  if (stopping) process.exit(130); // a second Ctrl-C does not wait
  stopping = true;
  out(`\n${signal === 'SIGINT' ? 'Ctrl-C: ' : ''}stopping the lab and the gateways …\n`);
  stopBuilding();
  await workshop?.close();
  out('Stopped.\n');
  process.exit(0);
};

try {
  const lab = await openLab(root);
  // From here on, the port is ours: Ctrl-C must release it even while building.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  workshop = { close: () => lab.server.close() };

  const chapters = findChapters(root);
  // Before a minute of building: a chapter's port held by `pnpm run dev` would stop the start anyway.
  await checkChapterPorts(chapters);
  let failed;
  if (!args.has('--no-build')) {
    out(`Building the workshop and synthesizing its ${chapters.length} chapters:\n`);
    failed = await buildAndSynthesize(root, chapters, out);
  }
  out('Starting the local gateway for every chapter …\n');
  workshop = await serveWorkshop({
    root,
    lab,
    failed,
    write: out,
    log: logging ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  const watching = !args.has('--no-watch');
  printTable(lab.labOrigin, workshop, { logging, watching });
  if (shouldOpen(args)) {
    const opened = await openInBrowser(`${lab.labOrigin}/`);
    out(opened ? '  Opened the lab in your browser (--no-open not to).\n\n' : '');
  }
  if (watching) workshop.watch({ onOutput: logging ? (text) => process.stderr.write(text) : undefined });
} catch (error) {
  await workshop?.close();
  process.stderr.write(`\n${error?.message ?? error}\n`);
  process.exit(error instanceof PortsTakenError ? 1 : 2);
}

function printTable(labOrigin, { chapters, origins }, { logging, watching }) {
  const rows = [['chapter', 'API', 'kind', 'URL']];
  for (const chapter of chapters) {
    for (const api of chapter.apis) rows.push([chapter.folder, api.logicalId, api.kind, api.url]);
    if (chapter.apis.length === 0) rows.push([chapter.folder, '(not served, see above)', '', '']);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    `  ${row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd()}\n`;
  const pageOrigins = origins.filter((origin) => origin !== labOrigin);
  const failing = chapters.filter((chapter) => chapter.status !== 'serving');
  out(
    failing.length === 0
      ? '\nThe workshop is ready.\n\n'
      : `\nThe workshop is ready, but ${failing.length} of its ${chapters.length} chapters ${failing.length === 1 ? 'is' : 'are'} failing (see above).\n\n`,
  );
  out(
    `  Lab  ${labOrigin}/   every lesson's fetch() calls: the browser's verdict and what the gateway saw\n\n`,
  );
  for (const row of rows) out(line(row));
  out(
    `\n  The lab's calls come from ${labOrigin} (the lab page)` +
      `${pageOrigins.length > 0 ? ` and ${pageOrigins.join(', ')} (a frame on a listed origin)` : ''}.\n`,
  );
  out(`  Try: curl -i -H 'Origin: http://localhost:5173' ${chapters[0]?.apis[0]?.url ?? '<url>'}\n`);
  if (watching) {
    out('  Edit a chapter and save: it is synthesized again, and the lab runs its calls again.\n');
  }
  out(`  ${logging ? 'Every request is logged below. ' : ''}Ctrl-C stops everything.\n\n`);
}
