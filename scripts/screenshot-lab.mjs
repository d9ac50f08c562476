// `node scripts/screenshot-lab.mjs [--no-build] [--projector] [--out docs/lab.png]`: builds and synthesizes the
// workshop as `pnpm start` does, serves it on free ports (so `pnpm start` may keep running), opens the lab in a
// headless Chromium, waits until every call has run, and writes the screenshot the README shows: the top of
// the lab, down to the first blocked call of chapter 01. The APIs get their usual ports when they are free. `--projector` takes it as a projector shows the lab:
// 1024 pixels wide at 150% zoom, down to the same call.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPrivateWorkshop } from './lab/private-workshop.mjs';
import { buildAndSynthesize, chapterPort, checkChapterPorts, findChapters } from './lab/workshop.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const projector = args.includes('--projector');
const out = resolve(root, outIndex === -1 ? 'docs/lab.png' : args[outIndex + 1]);
const LAST_CARD = '#call-01-rest-proxy-header-not-allowed';
const write = (text) => process.stdout.write(text);
const viewport = projector
  ? { width: Math.round(1024 / 1.5), height: 768 / 1.5, deviceScaleFactor: 1.5 }
  : { width: 1440, height: 1000 };

let opened;
try {
  const failed = args.includes('--no-build')
    ? new Map()
    : await buildAndSynthesize(root, findChapters(root), write);
  // The APIs on the ports the README names when they are free, so that the picture shows those URLs.
  const stable = await checkChapterPorts(findChapters(root)).then(
    () => true,
    () => false,
  );
  opened = await openPrivateWorkshop({
    root,
    failed,
    viewport,
    write,
    portOf: stable ? chapterPort : () => 0,
  });
  const { page } = opened;
  const summary = await page.textContent('#summary');
  if (!/^(\d+) of \1 calls/.test(summary ?? '')) {
    throw new Error(`The lab does not show what the lessons predict, so no screenshot was taken: ${summary}`);
  }
  const card = await page.locator(LAST_CARD).boundingBox();
  if (card === null) throw new Error(`The lab shows no ${LAST_CARD}`);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({
    path: out,
    clip: { x: 0, y: 0, width: viewport.width, height: Math.ceil(card.y + card.height + 6) },
    fullPage: true,
  });
  write(`${summary}\nWrote ${out}\n`);
} catch (error) {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exitCode = 2;
} finally {
  await opened?.close();
}
