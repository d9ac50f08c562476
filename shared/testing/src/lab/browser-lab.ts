/**
 * Runs a lab's calls in a real Chromium, from pages on the origins the calls name, against a local gateway,
 * and records what the page, the browser's console and the gateway saw.
 *
 * @module
 */
import type { GatewayExchange } from '@cors-workshop/gateway';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServedGateway } from '../serve-assembly.js';
import type { LabObservation } from './check-lab-call.js';
import type { LabCall } from './lab-spec.js';
import { callFromPage, pageCallRequest, taggedUrl, tagOf } from './page-call.js';

/** The marker of Chromium's console message for a blocked call; the reason follows it. */
const BLOCKED_BY_CORS = 'has been blocked by CORS policy: ';

/**
 * Every exchange a gateway reports, kept so that a call's can be found by its tag. Pass
 * {@link ExchangeLog.record} as the gateway's `onExchange`.
 */
export class ExchangeLog {
  readonly #exchanges: GatewayExchange[] = [];

  /** Keeps an exchange; bound, so that it can be handed to `onExchange` as it is. */
  readonly record = (exchange: GatewayExchange): void => {
    this.#exchanges.push(exchange);
  };

  /** The exchanges tagged with `tag`, in the order the gateway answered them. */
  tagged(tag: string): GatewayExchange[] {
    return this.#exchanges.filter((exchange) => tagOf(exchange.request.url) === tag);
  }
}

/** Everything observed about one run of a call. */
export interface LabRun extends LabObservation {
  /** The URL fetched, tag included. */
  readonly url: string;
  /** The tag of this run's requests. */
  readonly tag: string;
  /** The whole console message, when the browser blocked the call. */
  readonly consoleMessage?: string;
  readonly exchanges: readonly GatewayExchange[];
}

/** Options of {@link BrowserLab.open}. */
export interface BrowserLabOptions {
  /** The browser; it must send each call's origin to a page server (see `serveOriginPages`). */
  readonly browser: Browser;
  /** The gateway serving the APIs the calls name. */
  readonly gateway: ServedGateway;
  /** The log the gateway reports its exchanges to. */
  readonly log: ExchangeLog;
  /**
   * How long to wait for a call, and for Chromium's console message about a blocked one, in milliseconds.
   * @default 20_000
   */
  readonly timeout?: number;
  /**
   * Called by {@link BrowserLab.close} once the browser context is closed, e.g. to stop the gateway.
   * @default - nothing else is closed
   */
  readonly onClose?: () => Promise<void>;
}

/**
 * A browser context with one page per origin, reused from call to call. Every run tags its requests with a
 * new value, so no run sees another's preflight cache entry or exchanges.
 */
export class BrowserLab {
  /** The gateway the calls are sent to. */
  readonly gateway: ServedGateway;
  readonly #context: BrowserContext;
  readonly #log: ExchangeLog;
  readonly #timeout: number;
  readonly #onClose: (() => Promise<void>) | undefined;
  readonly #pages = new Map<string, Promise<Page>>();
  readonly #messages: string[] = [];
  readonly #prefix = Math.random().toString(36).slice(2, 8);
  #runs = 0;

  private constructor(context: BrowserContext, options: BrowserLabOptions) {
    this.#context = context;
    this.gateway = options.gateway;
    this.#log = options.log;
    this.#timeout = options.timeout ?? 20_000;
    this.#onClose = options.onClose;
  }

  /**
   * Opens a fresh browser context (its own cookies and preflight cache) for a gateway.
   * @param options - the browser, the gateway, its exchange log and the timeout
   */
  static async open(options: BrowserLabOptions): Promise<BrowserLab> {
    return new BrowserLab(await options.browser.newContext(), options);
  }

  /**
   * Makes a call from a page on its origin and gathers what happened.
   * @param call - the call, from `lab.json`
   * @returns what the page read or the rejection, Chromium's reason when blocked, and the exchanges
   * @throws Error when the call's API is not served or the page does not answer in time
   */
  async run(call: LabCall): Promise<LabRun> {
    this.#runs += 1;
    const tag = `${this.#prefix}-${this.#runs}`;
    const url = taggedUrl(this.gateway.urlOf(call.api), call, tag);
    const page = await this.#pageFor(call.origin);
    const result = await withTimeout(
      page.evaluate(callFromPage, pageCallRequest(call, url)),
      this.#timeout,
      `${call.id}: the page on ${call.origin} got no answer from ${url}`,
    );
    const consoleMessage =
      result.verdict === 'blocked' ? await this.#consoleMessageFor(`${url}'`) : undefined;
    const reasonAt = consoleMessage?.indexOf(BLOCKED_BY_CORS) ?? -1;
    return {
      url,
      tag,
      result,
      ...(consoleMessage === undefined ? {} : { consoleMessage }),
      ...(reasonAt === -1 ? {} : { consoleReason: consoleMessage?.slice(reasonAt + BLOCKED_BY_CORS.length) }),
      exchanges: this.#log.tagged(tag),
    };
  }

  /** Closes the context and its pages, then calls `onClose`. */
  async close(): Promise<void> {
    try {
      await this.#context.close();
    } finally {
      await this.#onClose?.();
    }
  }

  #pageFor(origin: string): Promise<Page> {
    let page = this.#pages.get(origin);
    if (page === undefined) {
      page = (async () => {
        const opened = await this.#context.newPage();
        opened.on('console', (message) => {
          if (message.text().includes(BLOCKED_BY_CORS)) this.#messages.push(message.text());
        });
        await opened.goto(`${origin}/`, { timeout: this.#timeout });
        return opened;
      })();
      this.#pages.set(origin, page);
    }
    return page;
  }

  /** Waits for the console message about `quotedUrl`: it may arrive just after `fetch()` has rejected. */
  async #consoleMessageFor(quotedUrl: string): Promise<string | undefined> {
    const deadline = Date.now() + this.#timeout;
    for (;;) {
      const message = this.#messages.find((text) => text.includes(quotedUrl));
      if (message !== undefined || Date.now() > deadline) return message;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
