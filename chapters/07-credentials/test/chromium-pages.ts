/**
 * Pages in a headless Chromium that fetch exact URLs, for the tests the lab cannot express: the lab gives
 * every call a URL of its own (`?lab=<tag>`), which is what keeps the browser's preflight cache out of its
 * verdicts, while these tests are about caches and so call the same URL more than once.
 *
 * @module
 */
import {
  callFromPage,
  launchChromium,
  type OriginPages,
  type PageCallRequest,
  type PageCallResult,
  serveOriginPages,
} from '@cors-workshop/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The marker of Chromium's console message for a blocked call; the reason follows it. */
const BLOCKED_BY_CORS = 'has been blocked by CORS policy: ';

/** What a page saw of one `fetch()`, and Chromium's reason when it blocked it. */
export interface PageFetch {
  readonly result: PageCallResult;
  /** The console message's text after `has been blocked by CORS policy: `, for a blocked call. */
  readonly consoleReason?: string;
}

/** One `fetch()` as a page makes it. */
export interface PageFetchRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  /** Response headers to read with `response.headers.get()`. */
  readonly readHeaders?: readonly string[];
}

/** A Chromium with one page per origin, all in one browser context (one preflight cache). */
export class ChromiumPages {
  readonly #pages: OriginPages;
  readonly #browser: Browser;
  readonly #context: BrowserContext;
  readonly #open = new Map<string, Promise<Page>>();
  readonly #messages: string[] = [];

  private constructor(pages: OriginPages, browser: Browser, context: BrowserContext) {
    this.#pages = pages;
    this.#browser = browser;
    this.#context = context;
  }

  /**
   * Starts a page server for `origins` and a Chromium that loads those origins from it.
   * @param origins - page origins of the form `http://localhost:<port>`
   */
  static async open(origins: readonly string[]): Promise<ChromiumPages> {
    const pages = await serveOriginPages();
    try {
      const browser = await launchChromium({ hostMap: pages.hostMap(origins) });
      return new ChromiumPages(pages, browser, await browser.newContext());
    } catch (error) {
      await pages.close();
      throw error;
    }
  }

  /**
   * Makes one `fetch()` from a page on `origin`.
   * @param origin - the page's origin
   * @param request - the URL, headers, credentials mode and the headers to read
   */
  async fetchFrom(origin: string, request: PageFetchRequest): Promise<PageFetch> {
    const page = await this.#pageFor(origin);
    const seen = this.#messages.length;
    const call: PageCallRequest = {
      url: request.url,
      init: {
        method: 'GET',
        headers: request.headers ?? {},
        credentials: request.credentials ?? 'same-origin',
      },
      readHeaders: request.readHeaders ?? [],
    };
    const result = await page.evaluate(callFromPage, call);
    if (result.verdict === 'allowed') return { result };
    const deadline = Date.now() + 10_000;
    for (;;) {
      const message = this.#messages.slice(seen).find((text) => text.includes(`'${request.url}'`));
      if (message !== undefined) {
        return {
          result,
          consoleReason: message.slice(message.indexOf(BLOCKED_BY_CORS) + BLOCKED_BY_CORS.length),
        };
      }
      if (Date.now() > deadline) return { result };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Closes the browser and the page server. */
  async close(): Promise<void> {
    try {
      await this.#browser.close();
    } finally {
      await this.#pages.close();
    }
  }

  #pageFor(origin: string): Promise<Page> {
    let page = this.#open.get(origin);
    if (page === undefined) {
      page = (async () => {
        const opened = await this.#context.newPage();
        opened.on('console', (message) => {
          if (message.text().includes(BLOCKED_BY_CORS)) this.#messages.push(message.text());
        });
        await opened.goto(`${origin}/`);
        return opened;
      })();
      this.#open.set(origin, page);
    }
    return page;
  }
}
