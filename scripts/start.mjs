// `pnpm start`: serves every synthesized chapter on the local gateway, on stable ports (chapter NN on
// 3000 + NN × 100 and the next ports), prints a table of URLs, and stops everything on Ctrl-C.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGateway } from '@cors-workshop/gateway';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chapters = readdirSync(join(root, 'chapters'))
  .filter((name) => /^\d\d-/.test(name))
  .sort();

const gateways = [];
const rows = [];
try {
  for (const chapter of chapters) {
    const source = join(root, 'chapters', chapter, 'cdk.out');
    if (!existsSync(source)) {
      process.stderr.write(`${chapter}: no cdk.out; run pnpm --filter ./chapters/${chapter} run synth\n`);
      continue;
    }
    const port = 3000 + Number(chapter.slice(0, 2)) * 100;
    const gateway = await startGateway({ source, port });
    gateways.push(gateway);
    for (const api of gateway.apis) rows.push([chapter, api.kind, api.logicalId, api.url]);
  }
} catch (error) {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  const taken = error?.code === 'EADDRINUSE' || /no free port/.test(error?.message ?? '');
  process.stderr.write(
    taken
      ? `The workshop's ports are taken: is another "pnpm start" running? (${error.message})\n`
      : `${error?.message ?? error}\n`,
  );
  process.exit(taken ? 1 : 2);
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
process.stdout.write('\nThe workshop is served locally:\n\n');
for (const row of rows) {
  process.stdout.write(
    `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padEnd(widths[2])}  ${row[3]}\n`,
  );
}
process.stdout.write('\nTry: curl -i -X OPTIONS <url>   ·   Ctrl-C stops everything.\n\n');

const stop = async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
