/**
 * A vitest `test` whose tests receive a {@link BrowserLab}: a headless Chromium, pages on the lab's origins,
 * and a local gateway serving an assembly — each started once per test file.
 *
 * @module
 */
import type { Browser } from 'playwright-core';
import { type TestAPI, test } from 'vitest';
import { launchChromium } from './browser.js';
import { BrowserLab, ExchangeLog } from './lab/browser-lab.js';
import { type OriginPages, serveOriginPages } from './lab/origin-pages.js';
import { type ServeAssemblyOptions, serveAssembly } from './serve-assembly.js';

/** The `lab` fixture of {@link browserTest}. */
export interface BrowserTestLab extends BrowserLab {
  /**
   * Serves another assembly (a broken variant of the chapter, say) and opens a lab on it in the same
   * Chromium. Close it when done; whatever is still open is closed after the file's last test.
   * @param options - what to serve, as for `serveAssembly`; the port defaults to a free one
   */
  serveVariant(options: ServeAssemblyOptions): Promise<BrowserLab>;
}

/** The fixtures {@link browserTest} adds to every test's context. */
export interface BrowserFixtures {
  /** Runs calls in Chromium against the gateway serving `options.source`: `lab.run(call)`. */
  readonly lab: BrowserTestLab;
}

/** Options of {@link browserTest}. */
export interface BrowserTestOptions extends ServeAssemblyOptions {
  /**
   * The origins the calls are made from, e.g. `labOrigins([spec])`. Chromium learns where their pages are
   * when it starts, so every origin a test uses must be listed here.
   */
  readonly origins: readonly string[];
}

/**
 * Returns a vitest `test` with a file-scoped `lab` fixture. The first test that asks for it starts a page
 * server for `options.origins`, a headless Chromium (see `launchChromium`) and the local gateway on
 * `options.source`; all of them stop after the file's last test.
 *
 * Chromium or Google Chrome must be installed (see `findChromium`; `CHROME_PATH` names another one); without
 * it the tests fail with the platform's install command in the message.
 *
 * @param options - the assembly to serve, the gateway's options, and the origins of the calls
 * @example
 * ```ts
 * const spec = readLabSpec(new URL('../lab.json', import.meta.url));
 * const it = browserTest({
 *   source: sharedAssembly,
 *   origins: labOrigins([spec]),
 * });
 *
 * it.for(spec.calls)('$title', async (call, { lab }) => {
 *   expectLabCall(call, await lab.run(call));
 * });
 * ```
 * @see https://vitest.dev/guide/test-context#fixture-scope
 */
export function browserTest(options: BrowserTestOptions): TestAPI<BrowserFixtures> {
  const { origins, ...serveOptions } = options;
  return test.extend<BrowserFixtures>({
    lab: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        const open = new Set<BrowserLab>();
        let pages: OriginPages | undefined;
        let browser: Browser | undefined;
        const serve = async (variant: ServeAssemblyOptions, chromium: Browser): Promise<BrowserLab> => {
          const log = new ExchangeLog();
          const gateway = await serveAssembly({ ...variant, onExchange: log.record });
          let lab: BrowserLab;
          try {
            lab = await BrowserLab.open({
              browser: chromium,
              gateway,
              log,
              onClose: async () => {
                open.delete(lab);
                await gateway.close();
              },
            });
          } catch (error) {
            await gateway.close();
            throw error;
          }
          open.add(lab);
          return lab;
        };
        try {
          pages = await serveOriginPages();
          const chromium = await launchChromium({ hostMap: pages.hostMap(origins) });
          browser = chromium;
          const main = await serve(serveOptions, chromium);
          await use(
            Object.assign(main, {
              serveVariant: (variant: ServeAssemblyOptions) => serve(variant, chromium),
            }),
          );
        } finally {
          for (const lab of [...open].reverse()) await lab.close().catch(() => {});
          await browser?.close();
          await pages?.close();
        }
      },
      { scope: 'file' },
    ],
  });
}
