import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_INSTALL_COMMAND,
  ChromiumNotFoundError,
  findChromium,
  launchChromium,
} from '../src/browser.js';

const dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('returns the first candidate that exists', () => {
    const second = join(dir, 'chromium-browser');
    writeFileSync(second, '');

    expect(findChromium([join(dir, 'chromium'), second])).toBe(second);
  });

  it('fails with the paths it tried and the install command when none exists', () => {
    const missing = join(dir, 'missing-chromium');

    expect(() => findChromium([missing])).toThrow(ChromiumNotFoundError);
    expect(() => findChromium([missing])).toThrow(
      `Chromium was not found at ${missing}. The browser checks need it; install it with: ${CHROMIUM_INSTALL_COMMAND}`,
    );
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
