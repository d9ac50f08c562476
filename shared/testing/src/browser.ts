/**
 * Launches the system's Chromium, headless, through `playwright-core`. The workshop never downloads a
 * browser: it uses the one the distribution installs.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where Chromium is looked for, in order: Debian's package, then Ubuntu's older name for it. */
export const CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The command that installs Chromium on Debian or Ubuntu. */
export const CHROMIUM_INSTALL_COMMAND = 'sudo apt-get install -y chromium';

/**
 * The flags every launch passes: headless, no sandbox (containers and CI run as root), no GPU, and nothing
 * that talks to the network on its own (first-run tasks, background requests, component updates, sync).
 * Playwright adds a fresh `--user-data-dir` of its own for each launch and removes it on close.
 * @see https://peter.sh/experiments/chromium-command-line-switches/
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Thrown when no Chromium is installed where the workshop looks for it. */
export class ChromiumNotFoundError extends Error {
  /** Always `ChromiumNotFoundError`. */
  override readonly name = 'ChromiumNotFoundError';
}

/**
 * The path of the installed Chromium.
 * @param candidates - the paths to try, in order
 * @default candidates CHROMIUM_PATHS
 * @throws ChromiumNotFoundError naming the paths tried and the install command
 */
export function findChromium(candidates: readonly string[] = CHROMIUM_PATHS): string {
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new ChromiumNotFoundError(
      `Chromium was not found at ${candidates.join(' or ')}. The browser checks need it; install it with: ` +
        CHROMIUM_INSTALL_COMMAND,
    );
  }
  return found;
}

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /**
   * The Chromium binary.
   * @default - the first of CHROMIUM_PATHS that exists
   */
  readonly executablePath?: string;
  /**
   * Connections to redirect, as `host:port` → `host:port`, e.g. `{ 'localhost:5173': '127.0.0.1:41234' }`:
   * a page on `http://localhost:5173` is then fetched from the server on port 41234 while its origin stays
   * `http://localhost:5173`. The pages keep coming from a loopback address, as a real local server's would.
   * @default - no redirection
   * @see https://www.chromium.org/developers/design-documents/network-stack/socks-proxy/
   */
  readonly hostMap?: Readonly<Record<string, string>>;
  /**
   * How long the launch may take, in milliseconds: a cold start on a busy two-core machine takes seconds.
   * @default 60_000
   */
  readonly timeout?: number;
}

/**
 * Launches a headless Chromium with {@link CHROMIUM_ARGS}, in a fresh profile.
 *
 * @param options - the binary, host redirections and the launch timeout
 * @returns the browser; close it with `browser.close()`, which also removes the profile
 * @throws ChromiumNotFoundError with the install command when Chromium is not installed
 * @example
 * ```ts
 * const browser = await launchChromium({ hostMap: { 'localhost:5173': `127.0.0.1:${port}` } });
 * try {
 *   const page = await browser.newPage();
 *   await page.goto('http://localhost:5173/');
 * } finally {
 *   await browser.close();
 * }
 * ```
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findChromium();
  const rules = Object.entries(options.hostMap ?? {}).map(([from, to]) => `MAP ${from} ${to}`);
  // Loaded on first launch: half a second that a process which never opens a browser does not pay.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(rules.length > 0 ? [`--host-resolver-rules=${rules.join(',')}`] : [])],
    timeout: options.timeout ?? 60_000,
  });
}
