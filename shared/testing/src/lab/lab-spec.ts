/**
 * What a chapter's `lab.json` says: the `fetch()` calls its lesson is about, and the verdict the lesson
 * predicts for each. The lab page (`pnpm start`) and the chapter's browser test read the same file.
 *
 * This module only declares and checks the shape; it runs in Node and in the lab page alike.
 *
 * @module
 */

/**
 * The browser's verdict on a cross-origin call: `allowed` when `fetch()` resolves and the page can read the
 * response, `blocked` when the browser withholds the response and `fetch()` rejects with a `TypeError`.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors
 */
export type LabVerdict = 'allowed' | 'blocked';

/**
 * The `credentials` mode of a `fetch()` call.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/RequestInit#credentials
 */
export type LabCredentials = 'omit' | 'same-origin' | 'include';

/** What the lesson predicts for one call. */
export interface LabExpectation {
  /** Whether the page gets to read the answer. */
  readonly verdict: LabVerdict;
  /**
   * The status the page reads (`allowed` only).
   * @default - not checked
   */
  readonly status?: number;
  /**
   * The body the page reads, exactly (`allowed` only).
   * @default - not checked
   */
  readonly body?: string;
  /**
   * Response headers the page must be able to read with `response.headers.get()` (`allowed` only), such as
   * a header named in `Access-Control-Expose-Headers`.
   * @default []
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers
   */
  readonly readable?: readonly string[];
  /**
   * A phrase of the reason the browser gives (`blocked` only), in Chromium's words, e.g.
   * `Request header field x-trace is not allowed by Access-Control-Allow-Headers in preflight response.`
   * @default - not checked
   */
  readonly reason?: string;
  /**
   * Every request the gateway receives for this call, in order, as `METHOD STATUS` (e.g.
   * `["OPTIONS 204", "GET 200"]`): whether a preflight was sent, and whether the actual request reached the
   * API although the browser then hid its answer.
   * @default - not checked
   */
  readonly gatewaySaw?: readonly string[];
}

/** One `fetch()` call of a lesson, made from a page on `origin` to one of the chapter's APIs. */
export interface LabCall {
  /** Unique within the chapter, in kebab case, e.g. `greeting-unlisted-origin`. */
  readonly id: string;
  /** A sentence saying what happens, used as the test's name and the lab's heading for the call. */
  readonly title: string;
  /** Why it happens, in a sentence or two of the lesson. */
  readonly why: string;
  /** The logical ID of the API, e.g. `ProxyCorsRestApiB964F16B`. */
  readonly api: string;
  /**
   * The path relative to the API's invoke URL, without a leading `/`; `''` is the API's root.
   * @default ''
   */
  readonly path: string;
  /**
   * The origin of the page making the call: `http://localhost:<port>`, so that the lab can serve that page.
   * @see https://developer.mozilla.org/en-US/docs/Glossary/Origin
   */
  readonly origin: string;
  /**
   * The request method.
   * @default 'GET'
   */
  readonly method: string;
  /**
   * Request headers the page sets.
   * @default {}
   */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The request body.
   * @default - no body
   */
  readonly body?: string;
  /**
   * The `credentials` mode.
   * @default 'same-origin' (the `fetch()` default)
   */
  readonly credentials: LabCredentials;
  /** What the lesson predicts. */
  readonly expect: LabExpectation;
}

/** A chapter's `lab.json`. */
export interface LabSpec {
  /** The chapter's title, as the lab shows it. */
  readonly title: string;
  /** The calls, in the order the lab shows and runs them. */
  readonly calls: readonly LabCall[];
}

/** The origins a lab page may be served from: a port of `localhost`, over plain HTTP. */
const LAB_ORIGIN = /^http:\/\/localhost:[1-9]\d{0,4}$/;

const METHOD = /^[A-Z]+$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXCHANGE = /^[A-Z]+ [1-5]\d\d$/;

/**
 * Checks a parsed `lab.json` and fills in the defaults.
 *
 * @param value - the parsed JSON
 * @param file - where it comes from, for the error messages
 * @returns the spec, with every default filled in
 * @throws Error naming the file, the call and the bad value when the shape is wrong
 * @example
 * ```ts
 * const spec = parseLabSpec(JSON.parse(text), 'chapters/01-rest-proxy/lab.json');
 * ```
 */
export function parseLabSpec(value: unknown, file: string): LabSpec {
  const fail = (where: string, message: string): never => {
    throw new Error(`${file}: ${where} ${message}`);
  };
  const spec = objectAt(value, 'the file', fail);
  const title = stringAt(spec.title, 'title', fail);
  if (!Array.isArray(spec.calls) || spec.calls.length === 0) {
    return fail('calls', `must be a non-empty list, got ${JSON.stringify(spec.calls)}`);
  }
  const seen = new Set<string>();
  const calls = spec.calls.map((raw: unknown, index: number): LabCall => {
    const at = `calls[${index}]`;
    const call = objectAt(raw, at, fail);
    const id = stringAt(call.id, `${at}.id`, fail);
    if (!ID.test(id)) fail(`${at}.id`, `must be kebab case, got ${JSON.stringify(id)}`);
    if (seen.has(id)) fail(`${at}.id`, `repeats the id ${JSON.stringify(id)}`);
    seen.add(id);
    const where = `call "${id}":`;
    const origin = stringAt(call.origin, `${where} origin`, fail);
    if (!LAB_ORIGIN.test(origin)) {
      fail(`${where} origin`, `must be http://localhost:<port>, got ${JSON.stringify(origin)}`);
    }
    const method = call.method === undefined ? 'GET' : stringAt(call.method, `${where} method`, fail);
    if (!METHOD.test(method)) fail(`${where} method`, `must be upper case, got ${JSON.stringify(method)}`);
    const path = call.path === undefined ? '' : stringAt(call.path, `${where} path`, fail, true);
    if (path.startsWith('/'))
      fail(`${where} path`, `must be relative (no leading /), got ${JSON.stringify(path)}`);
    const credentials = call.credentials ?? 'same-origin';
    if (credentials !== 'omit' && credentials !== 'same-origin' && credentials !== 'include') {
      fail(
        `${where} credentials`,
        `must be omit, same-origin or include, got ${JSON.stringify(credentials)}`,
      );
    }
    return {
      id,
      title: stringAt(call.title, `${where} title`, fail),
      why: stringAt(call.why, `${where} why`, fail),
      api: stringAt(call.api, `${where} api`, fail),
      path,
      origin,
      method,
      headers: headersAt(call.headers, `${where} headers`, fail),
      ...(call.body === undefined ? {} : { body: stringAt(call.body, `${where} body`, fail, true) }),
      credentials: credentials as LabCredentials,
      expect: expectationAt(call.expect, `${where} expect`, fail),
    };
  });
  return { title, calls };
}

/**
 * The origins the calls of these specs are made from, sorted: the pages a lab has to serve.
 * @example
 * ```ts
 * labOrigins([spec]); // ['http://localhost:3000', 'http://localhost:5173']
 * ```
 */
export function labOrigins(specs: readonly LabSpec[]): string[] {
  return [...new Set(specs.flatMap((spec) => spec.calls.map((call) => call.origin)))].sort();
}

type Fail = (where: string, message: string) => never;

function objectAt(value: unknown, where: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(where, `must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

function stringAt(value: unknown, where: string, fail: Fail, mayBeEmpty = false): string {
  if (typeof value !== 'string' || (!mayBeEmpty && value.trim() === '')) {
    return fail(where, `must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function headersAt(value: unknown, where: string, fail: Fail): Record<string, string> {
  if (value === undefined) return {};
  const headers = objectAt(value, where, fail);
  for (const [name, header] of Object.entries(headers)) {
    if (typeof header !== 'string') fail(where, `must map names to strings, got ${JSON.stringify(headers)}`);
    if (!/^[A-Za-z0-9-]+$/.test(name)) fail(where, `has an invalid header name ${JSON.stringify(name)}`);
  }
  return headers as Record<string, string>;
}

function expectationAt(value: unknown, where: string, fail: Fail): LabExpectation {
  const raw = objectAt(value, where, fail);
  const verdict = raw.verdict;
  if (verdict !== 'allowed' && verdict !== 'blocked') {
    return fail(`${where}.verdict`, `must be allowed or blocked, got ${JSON.stringify(verdict)}`);
  }
  const onlyFor = (key: string, wanted: LabVerdict) => {
    if (raw[key] !== undefined && verdict !== wanted) {
      fail(`${where}.${key}`, `applies only to ${wanted} calls, but the verdict is ${verdict}`);
    }
  };
  onlyFor('status', 'allowed');
  onlyFor('body', 'allowed');
  onlyFor('readable', 'allowed');
  onlyFor('reason', 'blocked');
  const expectation: {
    verdict: LabVerdict;
    status?: number;
    body?: string;
    readable?: string[];
    reason?: string;
    gatewaySaw?: string[];
  } = { verdict };
  if (raw.status !== undefined) {
    if (!Number.isInteger(raw.status) || (raw.status as number) < 100 || (raw.status as number) > 599) {
      fail(`${where}.status`, `must be an HTTP status, got ${JSON.stringify(raw.status)}`);
    }
    expectation.status = raw.status as number;
  }
  if (raw.body !== undefined) expectation.body = stringAt(raw.body, `${where}.body`, fail, true);
  if (raw.reason !== undefined) expectation.reason = stringAt(raw.reason, `${where}.reason`, fail);
  if (raw.readable !== undefined) {
    expectation.readable = listAt(raw.readable, `${where}.readable`, fail, /^[a-z0-9-]+$/, 'lower-case');
  }
  if (raw.gatewaySaw !== undefined) {
    expectation.gatewaySaw = listAt(raw.gatewaySaw, `${where}.gatewaySaw`, fail, EXCHANGE, '"METHOD STATUS"');
  }
  return expectation;
}

function listAt(value: unknown, where: string, fail: Fail, item: RegExp, what: string): string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || !item.test(entry))) {
    return fail(where, `must be a list of ${what} strings, got ${JSON.stringify(value)}`);
  }
  return value as string[];
}
