// Opens the lab in the default browser, the way each platform does it.
import { spawn } from 'node:child_process';

/**
 * The command that opens a URL in the default browser on a platform.
 * @param {string} url
 * @param {string} [platform] - e.g. process.platform
 * @returns {[string, string[]]} the program and its arguments
 */
export function openCommand(url, platform = process.platform) {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is built into cmd; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replaceAll('&', '^&')]];
  return ['xdg-open', [url]];
}

/**
 * Whether `pnpm start` opens the lab by itself: not with --no-open, not in CI, not when nobody watches the
 * terminal (its output is piped or redirected).
 */
export function shouldOpen(args, env = process.env, interactive = process.stdout.isTTY === true) {
  return !args.has('--no-open') && !env.CI && interactive;
}

/**
 * Opens `url` in the default browser, detached, and never fails: a machine without one (a server, a
 * container) keeps the URL printed in the terminal.
 * @returns {Promise<boolean>} whether the opener started
 */
export function openInBrowser(url, platform = process.platform) {
  const [program, args] = openCommand(url, platform);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(program, args, { detached: true, stdio: 'ignore' });
    } catch {
      resolve(false);
      return;
    }
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
