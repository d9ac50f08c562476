/**
 * One headless Chromium for a run of exercises, with pages on the origins their calls are made from. It is
 * started on first use and kept, so that a save costs a few page calls, not a browser start.
 *
 * @module
 */
import type { BrowserLab, ExchangeLog, OriginPages, ServedGateway } from '@cors-workshop/testing';
import type { Browser } from 'playwright-core';

type Testing = typeof import('@cors-workshop/testing');

/** A Chromium and its page server, for {@link BrowserSession.lab}. */
export class BrowserSession {
  #browser: Browser | undefined;
  #pages: OriginPages | undefined;
  #origins = new Set<string>();
  readonly #testing: Testing;

  /** @param testing - the `@cors-workshop/testing` module, loaded by the caller */
  constructor(testing: Testing) {
    this.#testing = testing;
  }

  /**
   * Opens a browser context on a gateway whose exchanges go to `log`. Chromium is (re)started when it does
   * not yet know every one of `origins`.
   * @param gateway - the gateway the calls go to
   * @param log - the exchange log the gateway reports to
   * @param origins - the origins the calls are made from
   * @throws ChromiumNotFoundError, with the install command, when Chromium is not installed
   */
  async lab(gateway: ServedGateway, log: ExchangeLog, origins: readonly string[]): Promise<BrowserLab> {
    const browser = await this.#browserFor(origins);
    return this.#testing.BrowserLab.open({ browser, gateway, log });
  }

  /** Closes Chromium and the page server. */
  async close(): Promise<void> {
    await this.#browser?.close().catch(() => {});
    await this.#pages?.close();
    this.#browser = undefined;
    this.#pages = undefined;
  }

  async #browserFor(origins: readonly string[]): Promise<Browser> {
    if (this.#browser?.isConnected() && origins.every((origin) => this.#origins.has(origin))) {
      return this.#browser;
    }
    await this.#browser?.close().catch(() => {});
    for (const origin of origins) this.#origins.add(origin);
    this.#pages ??= await this.#testing.serveOriginPages();
    this.#browser = await this.#testing.launchChromium({ hostMap: this.#pages.hostMap([...this.#origins]) });
    return this.#browser;
  }
}
