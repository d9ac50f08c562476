// `pnpm start`: builds and synthesizes every chapter (with progress), serves each chapter's APIs on the local
// gateway on stable ports (chapter NN on 3000 + NN × 100 and the next ports), and serves the lab on
// http://localhost:3000, where the browser runs every lesson's fetch() calls and shows its verdict next to
// what the gateway saw. Ctrl-C stops everything. Options: --quiet (no request log), --no-build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildAndSynthesize,
  findChapters,
  openLab,
  PortsTakenError,
  serveWorkshop,
  stopBuilding,
} from './lab/workshop.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const out = (text) => process.stdout.write(text);

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
    log: args.has('--quiet') ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  printTable(lab.labOrigin, workshop, !args.has('--quiet'));
} catch (error) {
  await workshop?.close();
  process.stderr.write(`\n${error?.message ?? error}\n`);
  process.exit(error instanceof PortsTakenError ? 1 : 2);
}

function printTable(labOrigin, { chapters, origins }, logging) {
  const rows = [['chapter', 'API', 'kind', 'URL']];
  for (const chapter of chapters) {
    for (const api of chapter.apis) rows.push([chapter.folder, api.logicalId, api.kind, api.url]);
    if (chapter.error) rows.push([chapter.folder, '(not served, see above)', '', '']);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    `  ${row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd()}\n`;
  const pageOrigins = origins.filter((origin) => origin !== labOrigin);
  out('\nThe workshop is ready.\n\n');
  out(
    `  Lab  ${labOrigin}/   every lesson's fetch() calls: the browser's verdict and what the gateway saw\n\n`,
  );
  for (const row of rows) out(line(row));
  out(
    `\n  The lab's calls come from ${labOrigin} (the lab page)` +
      `${pageOrigins.length > 0 ? ` and ${pageOrigins.join(', ')} (a frame on a listed origin)` : ''}.\n`,
  );
  out(`  Try: curl -i -H 'Origin: http://localhost:5173' ${chapters[0]?.apis[0]?.url ?? '<url>'}\n`);
  out(`  ${logging ? 'Every request is logged below. ' : ''}Ctrl-C stops everything.\n\n`);
}
