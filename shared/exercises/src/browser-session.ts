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
  #launch: Promise<Browser> | undefined;
  #pages: Promise<OriginPages> | undefined;
  readonly #origins = new Set<string>();
  readonly #testing: Testing;

  /** @param testing - the `@cors-workshop/testing` module, loaded by the caller */
  constructor(testing: Testing) {
    this.#testing = testing;
  }

  /**
   * Starts Chromium for these origins in the background, so that it is ready when the first call comes (a
   * synth runs meanwhile). A failure to start is reported by {@link BrowserSession.lab}.
   * @param origins - the origins the calls will be made from
   */
  prepare(origins: readonly string[]): void {
    this.#browserFor(origins).catch(() => {});
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
    const browser = await this.#launch?.catch(() => undefined);
    await browser?.close().catch(() => {});
    await (await this.#pages?.catch(() => undefined))?.close();
    this.#launch = undefined;
    this.#pages = undefined;
  }

  async #browserFor(origins: readonly string[]): Promise<Browser> {
    const known = origins.every((origin) => this.#origins.has(origin));
    if (this.#launch !== undefined && known) {
      const browser = await this.#launch.catch(() => undefined);
      if (browser?.isConnected()) return browser;
    }
    for (const origin of origins) this.#origins.add(origin);
    const previous = this.#launch;
    this.#pages ??= this.#testing.serveOriginPages();
    const pages = this.#pages;
    const hostMap = [...this.#origins];
    this.#launch = (async () => {
      await (await previous?.catch(() => undefined))?.close().catch(() => {});
      return this.#testing.launchChromium({ hostMap: (await pages).hostMap(hostMap) });
    })();
    return this.#launch;
  }
}
