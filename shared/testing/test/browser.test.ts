import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium, launchChromium } from '../src/browser.js';
import { CHROMIUM_INSTALL_HINTS } from '../src/chromium-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('returns the first candidate that exists', () => {
    const second = join(dir, 'chromium-browser');
    writeFileSync(second, '');

    expect(findChromium({ candidates: [join(dir, 'chromium'), second], env: {} })).toBe(second);
  });

  it("finds a browser among the platform's usual paths when given no candidates", () => {
    const found = join(dir, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    mkdirSync(dirname(found), { recursive: true });
    writeFileSync(found, '');

    // On macOS the user's Applications folder comes from HOME, so a temporary folder can stand in for it.
    expect(findChromium({ platform: 'darwin', env: { HOME: dir } })).toBe(found);
  });

  it('takes CHROME_PATH over every usual path', () => {
    const chrome = join(dir, 'my-chrome');
    writeFileSync(chrome, '');

    expect(findChromium({ candidates: [chrome, '/usr/bin/chromium'], env: { CHROME_PATH: chrome } })).toBe(
      chrome,
    );
    expect(findChromium({ env: { CHROME_PATH: chrome } })).toBe(chrome);
  });

  it('fails naming CHROME_PATH when it points at nothing, rather than falling back', () => {
    const missing = join(dir, 'no-such-chrome');
    const existing = join(dir, 'chromium-browser');
    writeFileSync(existing, '');

    expect(() => findChromium({ candidates: [existing], env: { CHROME_PATH: missing } })).toThrow(
      `CHROME_PATH is set to ${missing}, which does not exist.`,
    );
  });

  it("fails with the paths it tried and the platform's install command when none exists", () => {
    const missing = join(dir, 'missing-chromium');
    const find = (platform: string) => () => findChromium({ candidates: [missing], platform, env: {} });

    expect(find('linux')).toThrow(ChromiumNotFoundError);
    expect(find('linux')).toThrow(
      `Chromium was not found at ${missing}. The browser checks need it; install it with: ${CHROMIUM_INSTALL_HINTS.linux}; or set CHROME_PATH to a Chromium or Chrome executable`,
    );
    expect(find('darwin')).toThrow(CHROMIUM_INSTALL_HINTS.darwin);
    expect(find('win32')).toThrow(CHROMIUM_INSTALL_HINTS.win32);
  });
});

describe('launchChromium', () => {
  it('loads a page on a mapped origin from a local server, keeping the origin of its URL', async () => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<title>${request.headers.host}</title>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const browser = await launchChromium({ hostMap: { 'localhost:5173': `127.0.0.1:${port}` } });
    try {
      const page = await browser.newPage();
      await page.goto('http://localhost:5173/');

      expect(await page.evaluate('location.origin')).toBe('http://localhost:5173');
      expect(await page.title()).toBe('localhost:5173');
    } finally {
      await browser.close();
      server.close();
    }
  });
});
