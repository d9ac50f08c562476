/**
 * What a chapter claims about its APIs, written once: the requests its lesson sends and what each answer must
 * carry. The same declaration is checked by the chapter's tests and rendered as its README's transcript.
 *
 * @module
 */

/**
 * What one response header must be:
 *
 * - a string: present, with exactly this value (values of a repeated header are joined with `, `);
 * - `true`: present, with any value (a request ID, say);
 * - `false`: absent;
 * - `{ not: value }`: absent, or present with any other value.
 *
 * @example
 * ```ts
 * const headers = {
 *   'access-control-allow-origin': 'http://localhost:5173',
 *   'x-amzn-requestid': true,
 *   'access-control-allow-credentials': false,
 *   'access-control-max-age': { not: '0' },
 * };
 * ```
 */
export type HeaderExpectation =
  | string
  | boolean
  | {
      /** The one value the header must not have. */
      readonly not: string;
    };

/** The HTTP methods a check can send. */
export type CheckMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** The request a check sends, relative to one of the chapter's APIs. */
export interface CheckRequest {
  /**
   * The request method. A preflight is an `OPTIONS` request with `Origin` and
   * `Access-Control-Request-Method` headers.
   * @see https://developer.mozilla.org/en-US/docs/Glossary/Preflight_request
   */
  readonly method: CheckMethod;

  /**
   * The key in {@link ChapterChecks.apis} of the API to call.
   * @default - the first API of {@link ChapterChecks.apis}
   */
  readonly api?: string;

  /**
   * The path, relative to the API's invoke URL (which ends with `/`): `''` is the API's root, `'greeting'` the
   * resource under it. A query string may follow.
   * @default ''
   */
  readonly path?: string;

  /**
   * Request headers, as the lesson's `curl -H` flags send them.
   * @default - none besides those the HTTP client always sends (`host`, `connection`)
   */
  readonly headers?: Readonly<Record<string, string>>;

  /**
   * The request body, sent as it is (`curl --data-raw`).
   * @default - no body
   */
  readonly body?: string;
}

/** What the answer to a check's request must be. */
export interface ExpectedResponse {
  /** The status code. */
  readonly status: number;

  /**
   * Response headers by name (any case), each with what it must be.
   * @default - no header is checked
   */
  readonly headers?: Readonly<Record<string, HeaderExpectation>>;

  /**
   * When `true`, the response may carry no `Access-Control-*` header besides those {@link headers} expects
   * to be present: with no such entry at all, the check proves that the answer has no CORS header.
   * @default false
   * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#the_http_response_headers
   */
  readonly exactCorsHeaders?: boolean;

  /**
   * The response body, exactly.
   * @default - the body is not checked
   */
  readonly body?: string;
}

/** One claim of a lesson, as a request and the answer it must get. */
export interface Check {
  /** The claim in the lesson's words, e.g. `'the preflight of / is answered by the MOCK integration'`. */
  readonly claim: string;
  /** The request to send. */
  readonly request: CheckRequest;
  /** What the answer must be. */
  readonly expect: ExpectedResponse;
  /**
   * Whether the exchange appears in the README's transcript. A check left out is still checked.
   * @default true
   */
  readonly inTranscript?: boolean;
}

/** An API of the chapter's stack, as the checks find it and as the transcript shows it. */
export interface ApiUnderCheck {
  /**
   * The logical ID of the `AWS::ApiGateway::RestApi` or `AWS::ApiGatewayV2::Api`, e.g.
   * `ProxyCorsRestApiB964F16B`: how the local gateway's invoke URL of this API is found.
   */
  readonly logicalId: string;

  /**
   * The invoke URL the transcript shows in place of the one used for the run (whose port is picked freely),
   * ending with `/`: the URL the README's `cors-gateway serve … --port N` command gives this API.
   * @example 'http://127.0.0.1:3001/prod/'
   */
  readonly shownAs: string;
}

/**
 * Replaces a value that changes on every run, so that a transcript is the same from one run to the next.
 *
 * - `{ header, as }`: the value of every response header of that name (any case) becomes `as`, and so does
 *   every other occurrence of that value in the exchange (a handler may echo a request ID in its body);
 * - `{ pattern, as }`: every match of a global regular expression in a response header value or body becomes
 *   `as`.
 */
export type TranscriptMask =
  | {
      /** The response header whose value changes on every run, in any case, e.g. `x-amzn-RequestId`. */
      readonly header: string;
      /** What the transcript shows instead, e.g. `<request-id>`. */
      readonly as: string;
    }
  | {
      /** A regular expression with the `g` flag, matching the changing text. */
      readonly pattern: RegExp;
      /** What the transcript shows instead of each match. */
      readonly as: string;
    };

/** A chapter's checks: its APIs, and the claims its lesson makes about them, in the lesson's order. */
export interface ChapterChecks {
  /** The APIs the checks call, by a short name the checks use in {@link CheckRequest.api}. */
  readonly apis: Readonly<Record<string, ApiUnderCheck>>;
  /** The claims, in the order the lesson makes them and the transcript shows them. */
  readonly checks: readonly Check[];
  /**
   * Masks applied to the transcript on top of {@link DEFAULT_MASKS} (dates and the IDs API Gateway adds).
   * @default - none
   */
  readonly masks?: readonly TranscriptMask[];
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Validates a chapter's checks and returns them unchanged, so that a mistake in `checks.ts` is reported where
 * it is made rather than as a failed request.
 *
 * @param chapter - the chapter's APIs and checks
 * @returns `chapter`
 * @throws Error naming the bad value: no API, an `shownAs` URL that does not end with `/`, a check naming an
 *   unknown API, a malformed header name, a global `pattern` missing its `g` flag
 * @example
 * ```ts
 * export const checks = defineChecks({
 *   apis: { api: { logicalId: 'ProxyCorsRestApiB964F16B', shownAs: 'http://127.0.0.1:3001/prod/' } },
 *   checks: [
 *     {
 *       claim: 'the preflight is answered by API Gateway itself',
 *       request: { method: 'OPTIONS' },
 *       expect: { status: 204, headers: { 'access-control-allow-origin': '*' } },
 *     },
 *   ],
 * });
 * ```
 */
export function defineChecks(chapter: ChapterChecks): ChapterChecks {
  const apiNames = Object.keys(chapter.apis);
  if (apiNames.length === 0) {
    throw new Error('defineChecks needs at least one API in "apis"');
  }
  for (const [name, api] of Object.entries(chapter.apis)) {
    if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(api.shownAs)) {
      throw new Error(
        `The shownAs URL of API "${name}" must be an http(s) URL ending with "/", got "${api.shownAs}"`,
      );
    }
  }
  for (const check of chapter.checks) {
    const api = check.request.api;
    if (api !== undefined && !apiNames.includes(api)) {
      throw new Error(
        `The check "${check.claim}" calls the API "${api}", which is not one of: ${apiNames.join(', ')}`,
      );
    }
    const names = [...Object.keys(check.request.headers ?? {}), ...Object.keys(check.expect.headers ?? {})];
    const badName = names.find((name) => !HEADER_NAME.test(name));
    if (badName !== undefined) {
      throw new Error(`The check "${check.claim}" names the header "${badName}", which is not a header name`);
    }
  }
  for (const mask of chapter.masks ?? []) {
    if ('pattern' in mask && !mask.pattern.global) {
      throw new Error(`A transcript mask pattern must have the g flag, got ${mask.pattern}`);
    }
  }
  return chapter;
}
