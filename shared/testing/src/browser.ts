/**
 * Launches the system's Chromium (or Google Chrome), headless, through `playwright-core`. The workshop never
 * downloads a browser: it uses the one installed on the machine, or the one `CHROME_PATH` names.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import {
  CHROME_PATH_VARIABLE,
  chromiumInstallHint,
  chromiumPaths,
  type PathEnvironment,
} from './chromium-paths.js';

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

/** Options of {@link findChromium}. */
export interface FindChromiumOptions {
  /**
   * The platform whose paths are tried.
   * @default process.platform
   */
  readonly platform?: string;
  /**
   * The environment: `CHROME_PATH` overrides the paths, the others place them (see `chromiumPaths`).
   * @default process.env
   */
  readonly env?: PathEnvironment;
  /**
   * The paths to try, in order, when `CHROME_PATH` is not set.
   * @default - chromiumPaths(platform, env)
   */
  readonly candidates?: readonly string[];
}

/**
 * The path of the browser the checks run: `$CHROME_PATH` when it is set, else the first of the platform's
 * usual Chromium and Google Chrome paths that exists.
 *
 * @param options - the platform, the environment and the paths to try
 * @returns the executable's path
 * @throws ChromiumNotFoundError when `CHROME_PATH` names no file, or no candidate exists; the message names
 *   the paths tried and how to install Chromium on the platform
 * @example
 * ```ts
 * findChromium(); // '/usr/bin/chromium' on Debian
 * findChromium({ env: { CHROME_PATH: '/opt/chrome/chrome' } }); // '/opt/chrome/chrome'
 * ```
 */
export function findChromium(options: FindChromiumOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const hint = `install it with: ${chromiumInstallHint(platform)}; or set ${CHROME_PATH_VARIABLE} to a Chromium or Chrome executable`;
  const override = env[CHROME_PATH_VARIABLE];
  if (override !== undefined && override !== '') {
    if (existsSync(override)) return override;
    throw new ChromiumNotFoundError(
      `${CHROME_PATH_VARIABLE} is set to ${override}, which does not exist. The browser checks need Chromium; ${hint}`,
    );
  }
  const candidates = options.candidates ?? chromiumPaths(platform, env);
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new ChromiumNotFoundError(
      `Chromium was not found at ${candidates.join(', ')}. The browser checks need it; ${hint}`,
    );
  }
  return found;
}

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /**
   * The Chromium binary.
   * @default - findChromium(): `$CHROME_PATH`, else the first of the platform's usual paths that exists
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
 * @throws ChromiumNotFoundError with the platform's install command when no browser is found
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
