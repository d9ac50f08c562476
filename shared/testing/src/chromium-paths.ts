/**
 * Where Chromium, or Google Chrome, is installed on Linux, macOS and Windows, and how to install it there.
 * Pure data and path arithmetic, so that every platform's answer can be checked on any platform.
 *
 * @module
 */
import { posix, win32 } from 'node:path';

/** The environment variable naming the browser executable to use, which overrides every default path. */
export const CHROME_PATH_VARIABLE = 'CHROME_PATH';

/** The platforms the workshop knows the browser paths of: Node's `process.platform` values. */
export type BrowserPlatform = 'linux' | 'darwin' | 'win32';

/** The environment variables the paths depend on (`HOME` on macOS, `LOCALAPPDATA` and friends on Windows). */
export type PathEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * How to install Chromium (or Chrome) on each platform, as a learner types it.
 * @see https://www.chromium.org/getting-involved/download-chromium/
 */
export const CHROMIUM_INSTALL_HINTS: Readonly<Record<BrowserPlatform, string>> = {
  linux:
    'sudo apt-get install -y chromium (Debian, Ubuntu), sudo dnf install -y chromium (Fedora) ' +
    'or sudo pacman -S chromium (Arch)',
  darwin: 'brew install --cask chromium, or install Google Chrome from https://www.google.com/chrome/',
  win32: 'winget install --id Google.Chrome, or install Google Chrome from https://www.google.com/chrome/',
};

/**
 * The paths where a browser is looked for on a platform, most specific first: Chromium before Google
 * Chrome, the system-wide installation before the user's.
 *
 * @param platform - the platform, e.g. `process.platform`; any other value gets the Linux paths
 * @param env - the environment: `HOME` (macOS) and `LOCALAPPDATA`, `PROGRAMFILES`, `PROGRAMFILES(X86)`
 *   (Windows) place the per-user and program folders
 * @returns the candidate executables, in order
 * @example
 * ```ts
 * chromiumPaths('darwin', { HOME: '/Users/ada' });
 * // ['/Applications/Chromium.app/Contents/MacOS/Chromium', …]
 * ```
 */
export function chromiumPaths(platform: string, env: PathEnvironment): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return [
      ...apps.map((folder) => posix.join(folder, 'Chromium.app/Contents/MacOS/Chromium')),
      ...apps.map((folder) => posix.join(folder, 'Google Chrome.app/Contents/MacOS/Google Chrome')),
    ];
  }
  if (platform === 'win32') {
    const local = variable(env, 'LOCALAPPDATA');
    const programs = [variable(env, 'PROGRAMFILES'), variable(env, 'PROGRAMFILES(X86)')].filter(
      (folder): folder is string => folder !== undefined,
    );
    const under = (folders: readonly (string | undefined)[], product: string) =>
      folders
        .filter((folder): folder is string => folder !== undefined)
        .map((folder) => win32.join(folder, product, 'Application', 'chrome.exe'));
    return [...under([...programs, local], 'Chromium'), ...under([...programs, local], 'Google\\Chrome')];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ];
}

/**
 * How to install a browser on a platform, from {@link CHROMIUM_INSTALL_HINTS}.
 * @param platform - e.g. `process.platform`; any other value gets the Linux hint
 */
export function chromiumInstallHint(platform: string): string {
  return CHROMIUM_INSTALL_HINTS[platform as BrowserPlatform] ?? CHROMIUM_INSTALL_HINTS.linux;
}

/** An environment variable read the Windows way, whatever the case of its name. */
function variable(env: PathEnvironment, name: string): string | undefined {
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name);
  const value = key === undefined ? undefined : env[key];
  return value === undefined || value === '' ? undefined : value;
}
