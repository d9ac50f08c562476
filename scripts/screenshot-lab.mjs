// `node scripts/screenshot-lab.mjs [--no-build] [--out docs/lab.png]`: starts the workshop as `pnpm start`
// does, opens the lab in a headless Chromium, waits until every call has run, and writes the screenshot the
// README shows: the top of the lab, down to the first blocked call of chapter 01. Stop `pnpm start` first:
// the lab needs its ports.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildAndSynthesize,
  findChapters,
  openLab,
  PortsTakenError,
  serveWorkshop,
} from './lab/workshop.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(root, outIndex === -1 ? 'docs/lab.png' : args[outIndex + 1]);
const LAST_CARD = '#call-01-rest-proxy-header-not-allowed';
const write = (text) => process.stdout.write(text);

let workshop;
let browser;
try {
  const lab = await openLab(root);
  workshop = { close: () => lab.server.close() };
  const failed = args.includes('--no-build')
    ? new Map()
    : await buildAndSynthesize(root, findChapters(root), write);
  workshop = await serveWorkshop({ root, lab, failed, write });
  const { launchChromium } = await import(pathToFileURL(join(root, 'shared/testing/dist/browser.js')).href);
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${lab.labOrigin}/`);
  await page.waitForFunction(() => ['done', 'failed'].includes(document.body.dataset.state), null, {
    timeout: 180_000,
  });
  const summary = await page.textContent('#summary');
  if (!/^(\d+) of \1 calls/.test(summary ?? '')) {
    throw new Error(`The lab does not show what the lessons predict, so no screenshot was taken: ${summary}`);
  }
  const card = await page.locator(LAST_CARD).boundingBox();
  if (card === null) throw new Error(`The lab shows no ${LAST_CARD}`);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({
    path: out,
    clip: { x: 0, y: 0, width: 1440, height: Math.ceil(card.y + card.height + 6) },
    fullPage: true,
  });
  write(`${summary}\nWrote ${out}\n`);
} catch (error) {
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exitCode = error instanceof PortsTakenError ? 1 : 2;
} finally {
  await browser?.close();
  await workshop?.close();
}
