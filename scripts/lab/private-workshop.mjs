// The workshop on free ports, with a headless Chromium that sees it on its usual origins: what the tests, the
// benchmark and the screenshot use, so that none of them needs (or competes for) the ports of `pnpm start`.
import { launchChromium } from '@cors-workshop/testing';
import { openLab, serveWorkshop } from './workshop.mjs';

/**
 * Serves every chapter of `root` on free ports, opens the lab in a headless Chromium whose host map sends
 * http://localhost:3000, http://localhost:5173, … to those ports, and waits until the lab has run every call.
 *
 * @param {object} options
 * @param {string} options.root - the repository (or a copy of one) whose chapters to serve
 * @param {Map<string, string>} [options.failed] - chapters whose synth failed, with the reason
 * @param {{ width: number, height: number, deviceScaleFactor?: number }} [options.viewport]
 * @param {string} [options.query] - the lab page's query string, e.g. `?predict=1`
 * @param {(text: string) => void} [options.write] - notes about failing chapters
 * @param {(chapter: object) => number} [options.portOf] - a chapter's first port
 * @default portOf - a free port for every chapter
 * @returns the workshop, the lab, the browser, the page and `close()`
 */
export async function openPrivateWorkshop({
  root,
  failed,
  viewport = { width: 1440, height: 1000 },
  query = '',
  write = () => {},
  portOf = () => 0,
}) {
  const lab = await openLab(root, { port: 0 });
  let workshop;
  let browser;
  const close = async () => {
    await browser?.close();
    if (workshop) await workshop.close();
    else await lab.server.close();
  };
  try {
    workshop = await serveWorkshop({ root, lab, failed, write, portOf, originPort: () => 0 });
    const hostMap = Object.fromEntries(
      [...workshop.originPorts].map(([origin, port]) => [new URL(origin).host, `127.0.0.1:${port}`]),
    );
    browser = await launchChromium({ hostMap });
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: viewport.deviceScaleFactor ?? 1,
    });
    const page = await context.newPage();
    await page.goto(`${lab.labOrigin}/${query}`);
    await settled(page);
    return { workshop, lab, browser, page, close, settled: () => settled(page) };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until the lab page has run every call it has queued. */
export async function settled(page, timeout = 180_000) {
  await page.waitForFunction(() => ['done', 'failed'].includes(document.body.dataset.state), null, {
    timeout,
  });
}
