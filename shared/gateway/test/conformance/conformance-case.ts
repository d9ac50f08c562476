/**
 * The format of the conformance suite: each case states one exchange (or one template) that AWS was
 * recorded answering, and names where the recording is. The recordings are LocalStack's snapshot tests of
 * API Gateway (`tests/aws/services/apigateway/*.snapshot.json`), run against real AWS; each test's
 * `*.validation.json` says when it was last validated there. Tests marked validated whose facts are
 * assertions rather than snapshots (e.g. the binary media type test) count too: they passed against AWS.
 */

/** Where a case's facts were recorded on AWS. */
export interface RecordedSource {
  /** The LocalStack test, `file.py::[Class::]test_name[params]`. */
  readonly test: string;
  /** The snapshot key the case states, or `assert: …` for an assertion the validated test makes. */
  readonly key: string;
  /** The test's `last_validated_date` in its `*.validation.json`, `YYYY-MM-DD`. */
  readonly validated: string;
}

/** Stands for a recorded value that AWS masks or that differs per run: the header or field must be there. */
export const ANY: unique symbol = Symbol('any recorded value');
/** A recorded value: exactly this text, any value ({@link ANY}), or text of this shape. */
export type Recorded = string | typeof ANY | RegExp;

/** A request as the recorded client sent it. */
export interface CaseRequest {
  readonly method: string;
  /** The request target with `{stage}` for the stage, e.g. `/{stage}/items?x=1` or `//{stage}/items`. */
  readonly target: string;
  /** Headers in the client's order and case; `Host` is added first. */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
  readonly body?: string;
}

/** What a proxy event (echoed back as the response body by the case's function) must hold. */
export interface ExpectedEvent {
  /** Fields the event must have, matched as a subset (`toMatchObject`). */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** Exactly the header names of `headers` and `multiValueHeaders`, as recorded. */
  readonly headerNames?: readonly string[];
  /** Values of some headers of `headers`. */
  readonly headers?: Readonly<Record<string, Recorded>>;
}

/** The recorded response body. */
export type ExpectedBody =
  | { readonly json: unknown }
  | { readonly jsonMatch: Readonly<Record<string, unknown>> }
  /** The body is JSON whose string `field` holds JSON again (a function's `body`), matched as a subset. */
  | { readonly jsonIn: { readonly field: string; readonly match: Readonly<Record<string, unknown>> } }
  | { readonly text: string }
  | { readonly bytesBase64: string }
  | { readonly event: ExpectedEvent };

/** The recorded response. */
export interface ExpectedResponse {
  readonly status: number;
  /** Header values (names without regard to case); `null` means the header is absent. */
  readonly headers?: Readonly<Record<string, Recorded | null>>;
  /** Exactly the response header names recorded (without regard to case). */
  readonly headerNames?: readonly string[];
  readonly body?: ExpectedBody;
}

/** An exchange AWS was recorded answering. */
export interface RequestCase {
  readonly kind: 'request';
  /** What the case shows, as a sentence. */
  readonly name: string;
  readonly source: RecordedSource;
  /** The name of the API (in `apis.ts`) the request is sent to. */
  readonly api: string;
  readonly request: CaseRequest;
  readonly expect: ExpectedResponse;
  /**
   * Recorded headers the gateway deliberately does not reproduce (e.g. those CloudFront adds in front of
   * an edge-optimized API), by the id of the section of `docs/behaviour.md` that explains why.
   */
  readonly unreproduced?: { readonly difference: string; readonly headers: readonly string[] };
}

/** A template AWS was recorded refusing (or accepting) when it is deployed. */
export interface LoadCase {
  readonly kind: 'load';
  readonly name: string;
  readonly source: RecordedSource;
  /** The template, built with the test helpers. */
  readonly template: () => Record<string, unknown>;
  /** AWS's message, or `null` when AWS accepts the template. */
  readonly error: string | null;
}

export type ConformanceCase = RequestCase | LoadCase;

/** The headers CloudFront adds in front of an edge-optimized API (recorded, never reproduced locally). */
export const CLOUDFRONT_HEADERS = [
  'CloudFront-Forwarded-Proto',
  'CloudFront-Is-Desktop-Viewer',
  'CloudFront-Is-Mobile-Viewer',
  'CloudFront-Is-SmartTV-Viewer',
  'CloudFront-Is-Tablet-Viewer',
  'CloudFront-Viewer-ASN',
  'CloudFront-Viewer-Country',
  'Via',
  'X-Amz-Cf-Id',
  'X-Amz-Cf-Pop',
  'X-Cache',
] as const;

/** The `unreproduced` entry of a case recorded through an edge-optimized API. */
export const EDGE = { difference: 'no-cloudfront', headers: CLOUDFRONT_HEADERS } as const;
