import type { RecordedSource, RequestCase } from '../conformance-case.js';
import { pythonJson, requestsHeaders } from '../recorded-client.js';

/** A 1×1 transparent PNG, as the recorded function returned it. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/wIAAgkBAyMAlYwAAAAASUVORK5CYII=';

const recorded = (key: string): RecordedSource => ({
  test: 'test_apigateway_lambda.py::test_aws_proxy_binary_response',
  key: `assert: ${key}`,
  validated: '2025-01-29',
});

interface Scenario {
  readonly name: string;
  readonly key: string;
  readonly api: 'binaryNone' | 'binaryPngStarTest' | 'binaryPngAppJpg';
  readonly accept: string | undefined;
  /** The `Content-Type` the function's result sets (`undefined`: none). */
  readonly contentType?: string | undefined;
  readonly isBase64Encoded?: boolean;
  readonly body?: string;
  readonly binary: boolean | 'error';
}

/**
 * The function returns `{statusCode: 200, body, isBase64Encoded, headers: {Content-Type, Cache-Control}}`;
 * `requests` posts that JSON with `data=` (so without a `Content-Type`).
 */
function binaryCase(s: Scenario): RequestCase {
  const headers: Record<string, string> = {};
  if (!('contentType' in s) || s.contentType !== undefined)
    headers['Content-Type'] = s.contentType ?? 'image/png';
  headers['Cache-Control'] = 'no-cache';
  const result = {
    statusCode: 200,
    body: s.body ?? PNG,
    isBase64Encoded: s.isBase64Encoded ?? true,
    headers,
  };
  const text = pythonJson(result);
  const own: Array<[string, string]> = [['User-Agent', 'python/test']];
  if (s.accept !== undefined) own.push(['Accept', s.accept]);
  const sent = requestsHeaders(own, { method: 'POST', text });
  return {
    kind: 'request',
    name: s.name,
    source: recorded(s.key),
    api: s.api,
    request: { method: 'POST', target: '/{stage}/test', headers: sent, body: text },
    expect:
      s.binary === 'error'
        ? { status: 500 }
        : { status: 200, body: s.binary ? { bytesBase64: PNG } : { text: s.body ?? PNG } },
  };
}

export const BINARY_MEDIA_TYPE_CASES: readonly RequestCase[] = [
  {
    name: 'without binary media types a base64 result is sent as text, whatever the Accept',
    key: 'accept image/png, no binaryMediaTypes',
    api: 'binaryNone',
    accept: 'image/png',
    binary: false,
  },
  {
    name: 'an Accept equal to a binary media type decodes a base64 result',
    key: 'accept image/png, binaryMediaTypes image/png */test',
    api: 'binaryPngStarTest',
    accept: 'image/png',
    binary: true,
  },
  {
    name: 'an Accept that is not a binary media type leaves the result in base64',
    key: 'accept image/jpg',
    api: 'binaryPngStarTest',
    accept: 'image/jpg',
    binary: false,
  },
  {
    name: 'a wildcard Accept does not match a binary media type',
    key: 'accept image/*',
    api: 'binaryPngStarTest',
    accept: 'image/*',
    binary: false,
  },
  {
    name: 'a binary media type with a wildcard on the left matches not even itself',
    key: 'accept */test',
    api: 'binaryPngStarTest',
    accept: '*/test',
    binary: false,
  },
  {
    name: 'a binary media type with a wildcard on the left matches no media type',
    key: 'accept random/test',
    api: 'binaryPngStarTest',
    accept: 'random/test',
    binary: false,
  },
  {
    name: 'Accept */* does not match a binary media type',
    key: 'accept */*',
    api: 'binaryPngStarTest',
    accept: '*/*',
    binary: false,
  },
  {
    name: 'only the first Accept entry counts, even when a later one is a binary media type',
    key: 'accept image/webp,image/png,*/*;q=0.8',
    api: 'binaryPngStarTest',
    accept: 'image/webp,image/png,*/*;q=0.8',
    binary: false,
  },
  {
    name: 'a first Accept entry that is a binary media type decodes the result',
    key: 'accept image/png,image/*,*/*;q=0.8',
    api: 'binaryPngStarTest',
    accept: 'image/png,image/*,*/*;q=0.8',
    binary: true,
  },
  {
    name: 'a result without isBase64Encoded is sent as it is even to a binary Accept',
    key: 'isBase64Encoded false, accept image/png',
    api: 'binaryPngStarTest',
    accept: 'image/png',
    isBase64Encoded: false,
    binary: false,
  },
  {
    name: 'a binary media type type/* matches any subtype of the Accept',
    key: 'accept application/whatever, binaryMediaTypes application/*',
    api: 'binaryPngAppJpg',
    accept: 'application/whatever',
    contentType: 'application/test',
    binary: true,
  },
  {
    name: 'a binary media type type/* matches another subtype of the Accept',
    key: 'accept application/test',
    api: 'binaryPngAppJpg',
    accept: 'application/test',
    contentType: 'application/test',
    binary: true,
  },
  {
    name: 'a binary media type type/* matches an Accept of type/*',
    key: 'accept application/*',
    api: 'binaryPngAppJpg',
    accept: 'application/*',
    contentType: 'application/test',
    binary: true,
  },
  {
    name: 'the Accept decides, not the Content-Type of the result',
    key: 'Content-Type image/png, accept image/jpg',
    api: 'binaryPngAppJpg',
    accept: 'image/jpg',
    contentType: 'image/png',
    binary: true,
  },
  {
    name: 'a result Content-Type matching a wildcard binary media type plays no part',
    key: 'Content-Type application/whatever, accept image/png',
    api: 'binaryPngAppJpg',
    accept: 'image/png',
    contentType: 'application/whatever',
    binary: true,
  },
  {
    name: 'a result without Content-Type is decoded for a binary Accept',
    key: 'no Content-Type, accept image/png',
    api: 'binaryPngAppJpg',
    accept: 'image/png',
    contentType: undefined,
    binary: true,
  },
  {
    name: 'a malformed Accept is no binary media type',
    key: 'accept application',
    api: 'binaryPngAppJpg',
    accept: 'application',
    contentType: undefined,
    binary: false,
  },
  {
    name: 'a request without an Accept of its own (the client sends */*) gets the base64 text',
    key: 'no accept',
    api: 'binaryPngAppJpg',
    accept: undefined,
    contentType: undefined,
    binary: false,
  },
  {
    name: 'a body that is not valid base64, to be decoded, answers 500',
    key: 'bad base64 body, accept image/png',
    api: 'binaryPngAppJpg',
    accept: 'image/png',
    contentType: undefined,
    body: 'èé+à)(',
    binary: 'error',
  },
].map((s) => binaryCase(s as Scenario));
