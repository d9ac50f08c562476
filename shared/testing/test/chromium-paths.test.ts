import { describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL_HINTS, chromiumInstallHint, chromiumPaths } from '../src/chromium-paths.js';

describe('chromiumPaths', () => {
  it("looks on Linux at the distributions' Chromium, the snap, then Google Chrome", () => {
    expect(chromiumPaths('linux', {})).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/opt/google/chrome/chrome',
    ]);
  });

  it("looks on macOS in /Applications, then in the user's Applications, Chromium before Chrome", () => {
    expect(chromiumPaths('darwin', { HOME: '/Users/ada' })).toEqual([
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]);
  });

  it('looks on Windows under Program Files, Program Files (x86) and the local app data, whatever the case', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
    };

    expect(chromiumPaths('win32', env)).toEqual([
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });

  it('leaves out the Windows folders whose variable is not set', () => {
    expect(chromiumPaths('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: '' })).toEqual([
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });
});

describe('chromiumInstallHint', () => {
  it("names each platform's package manager", () => {
    expect(chromiumInstallHint('linux')).toContain('sudo apt-get install -y chromium');
    expect(chromiumInstallHint('darwin')).toContain('brew install --cask chromium');
    expect(chromiumInstallHint('win32')).toContain('winget install --id Google.Chrome');
  });

  it('falls back to the Linux hint on another Unix', () => {
    expect(chromiumInstallHint('freebsd')).toBe(CHROMIUM_INSTALL_HINTS.linux);
  });
});
