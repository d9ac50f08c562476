/**
 * Makes many `fetch()` calls in one headless Chromium, from pages on the origins they name, and records what
 * Chromium decided for each: what the page read, or the CORS error the DevTools protocol reports
 * (`Network.loadingFailed`'s `corsErrorStatus`) and the console line.
 */
import { launchChromium, type OriginPages, serveOriginPages } from '@cors-workshop/testing';
import type { Browser, CDPSession, Page } from 'playwright-core';

/** One call to make. */
export interface BrowserCall {
  /** Unique among the calls; its URL carries it as `t=<tag>`. */
  readonly tag: string;
  readonly url: string;
  readonly origin: string;
  readonly init: {
    readonly method?: string;
    readonly headers?: ReadonlyArray<readonly [string, string]>;
    readonly body?: string;
    readonly credentials?: 'include' | 'same-origin' | 'omit';
  };
  readonly readHeaders: readonly string[];
}

/** What Chromium decided for a call. */
export interface BrowserObservation {
  readonly verdict: 'allowed' | 'blocked' | 'type-error';
  readonly status?: number;
  readonly reads?: Readonly<Record<string, string | null>>;
  readonly typeError?: string;
  readonly corsError?: { readonly corsError: string; readonly failedParameter: string };
  readonly netError?: string;
  readonly console?: string;
}

interface PageResult {
  readonly verdict: 'allowed' | 'blocked' | 'type-error';
  readonly status?: number;
  readonly reads?: Record<string, string | null>;
  readonly error?: string;
}

/** A running Chromium with one page per origin. */
export class ChromiumFetcher {
  readonly #browser: Browser;
  readonly #pages: OriginPages | undefined;
  readonly #tabs = new Map<string, { page: Page; cdp: CDPSession }>();
  readonly #failures = new Map<
    string,
    Array<{ type: string; errorText: string; cors?: { corsError: string; failedParameter: string } }>
  >();
  readonly #firstUrl = new Map<string, { url: string; type: string }>();
  readonly #console: string[] = [];

  private constructor(browser: Browser, pages: OriginPages | undefined) {
    this.#browser = browser;
    this.#pages = pages;
  }

  /**
   * Launches Chromium. Origins of the form `http://localhost:<port>` are served by a page server through a
   * host map; others (e.g. `http://127.0.0.1:<port>`) must serve a page at `/` themselves.
   */
  static async launch(mappedOrigins: readonly string[]): Promise<ChromiumFetcher> {
    const pages = await serveOriginPages();
    try {
      const browser = await launchChromium({ hostMap: pages.hostMap(mappedOrigins) });
      return new ChromiumFetcher(browser, pages);
    } catch (error) {
      await pages.close();
      throw error;
    }
  }

  /** Makes every call, in parallel per origin, and returns Chromium's decisions by tag. */
  async run(calls: readonly BrowserCall[]): Promise<Map<string, BrowserObservation>> {
    const byOrigin = new Map<string, BrowserCall[]>();
    for (const call of calls) byOrigin.set(call.origin, [...(byOrigin.get(call.origin) ?? []), call]);
    const results = new Map<string, PageResult>();
    for (const [origin, group] of byOrigin) {
      const { page } = await this.#tab(origin);
      for (let start = 0; start < group.length; start += 40) {
        const batch = group.slice(start, start + 40);
        const answers = await page.evaluate(
          fetchAll,
          batch.map((call) => ({
            ...call,
            init: { ...call.init, headers: call.init.headers?.map(([n, v]) => [n, v] as [string, string]) },
          })),
        );
        for (const [index, call] of batch.entries()) results.set(call.tag, answers[index]!);
      }
    }
    const observations = new Map<string, BrowserObservation>();
    const deadline = Date.now() + 5_000;
    for (const call of calls) {
      const result = results.get(call.tag)!;
      if (result.verdict !== 'blocked') {
        observations.set(call.tag, {
          verdict: result.verdict,
          ...(result.status === undefined ? {} : { status: result.status }),
          ...(result.reads === undefined ? {} : { reads: result.reads }),
          ...(result.error === undefined ? {} : { typeError: result.error }),
        });
        continue;
      }
      // The DevTools events and the console line may arrive just after fetch() rejected.
      let failure: ReturnType<ChromiumFetcher['failureOf']>;
      let message: string | undefined;
      for (;;) {
        failure = this.failureOf(call.tag);
        message = this.#console.find((line) => new RegExp(`[?&]t=${call.tag}['&]`).test(line));
        const settled = failure !== undefined && (failure.cors === undefined || message !== undefined);
        if (settled || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      observations.set(call.tag, {
        verdict: 'blocked',
        ...(failure?.cors === undefined ? {} : { corsError: failure.cors }),
        ...(failure === undefined || failure.cors !== undefined ? {} : { netError: failure.errorText }),
        ...(message === undefined ? {} : { console: message }),
      });
    }
    return observations;
  }

  /** The failure Chromium reported for a tag's request: the one with a CORS status, else the request's own. */
  private failureOf(tag: string) {
    const failures = this.#failures.get(tag) ?? [];
    return (
      failures.find((failure) => failure.cors !== undefined) ??
      failures.find((failure) => failure.type !== 'Preflight')
    );
  }

  async close(): Promise<void> {
    await this.#browser.close().catch(() => {});
    await this.#pages?.close();
  }

  async #tab(origin: string) {
    let tab = this.#tabs.get(origin);
    if (tab === undefined) {
      const page = await this.#browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (event) => {
        if (!this.#firstUrl.has(event.requestId)) {
          this.#firstUrl.set(event.requestId, { url: event.request.url, type: event.type ?? '' });
        }
      });
      cdp.on('Network.loadingFailed', (event) => {
        const first = this.#firstUrl.get(event.requestId);
        const tag = first === undefined ? undefined : new URL(first.url).searchParams.get('t');
        if (tag === undefined || tag === null) return;
        const list = this.#failures.get(tag) ?? [];
        list.push({
          type: first!.type,
          errorText: event.errorText,
          ...(event.corsErrorStatus === undefined ? {} : { cors: event.corsErrorStatus }),
        });
        this.#failures.set(tag, list);
      });
      page.on('console', (message) => this.#console.push(message.text()));
      await page.goto(`${origin}/`);
      tab = { page, cdp };
      this.#tabs.set(origin, tab);
    }
    return tab;
  }
}

/** Runs in the page: every call at once; self-contained, so that it can be handed to `page.evaluate()`. */
async function fetchAll(calls: ReadonlyArray<BrowserCall>): Promise<PageResult[]> {
  return Promise.all(
    calls.map(async (call) => {
      let response: Response;
      try {
        response = await fetch(call.url, {
          mode: 'cors',
          ...(call.init.method === undefined ? {} : { method: call.init.method }),
          ...(call.init.headers === undefined ? {} : { headers: call.init.headers as [string, string][] }),
          ...(call.init.body === undefined ? {} : { body: call.init.body }),
          ...(call.init.credentials === undefined ? {} : { credentials: call.init.credentials }),
        });
      } catch (error) {
        const text = String(error);
        return text === 'TypeError: Failed to fetch'
          ? { verdict: 'blocked' as const }
          : { verdict: 'type-error' as const, error: text.replace(/^TypeError: /, '') };
      }
      await response.text();
      const reads: Record<string, string | null> = {};
      for (const name of call.readHeaders) reads[name] = response.headers.get(name);
      return { verdict: 'allowed' as const, status: response.status, reads };
    }),
  );
}
