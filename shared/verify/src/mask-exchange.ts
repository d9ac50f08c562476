/**
 * Masks the values of an exchange that change on every run (dates, request and trace IDs), so that a
 * transcript is the same from one run to the next and a committed one can be compared with a fresh one.
 *
 * @module
 */
import type { TranscriptMask } from './chapter-checks.js';
import type { HeaderLine, RecordedExchange } from './recorded-exchange.js';

/**
 * The masks every transcript gets: the `Date` header, and the IDs API Gateway puts on its answers
 * (`x-amzn-RequestId` and `x-amz-apigw-id` from a REST API, `apigw-requestid` from an HTTP API, and
 * `X-Amzn-Trace-Id` when a Lambda function ran).
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Date
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 */
export const DEFAULT_MASKS: readonly TranscriptMask[] = [
  { header: 'date', as: '<date>' },
  { header: 'x-amzn-requestid', as: '<request-id>' },
  { header: 'apigw-requestid', as: '<request-id>' },
  { header: 'x-amz-apigw-id', as: '<apigw-id>' },
  { header: 'x-amzn-trace-id', as: '<trace-id>' },
];

/**
 * Returns a copy of the exchange whose changing values are masked. Header masks act on the response's
 * headers; the value each one replaces is then replaced everywhere else in the response too (another header,
 * the body), so that an echoed request ID is masked as well. Pattern masks run last, over header values and
 * body. Header names, their order and the request are kept.
 *
 * @param exchange - the exchange as recorded
 * @param masks - the masks to apply; {@link DEFAULT_MASKS} unless given
 * @returns the masked copy
 * @example
 * ```ts
 * maskExchange(exchange).response.headers;
 * // [['x-amzn-RequestId', '<request-id>'], ['Access-Control-Allow-Origin', '*'], ['Date', '<date>'], …]
 * ```
 */
export function maskExchange(
  exchange: RecordedExchange,
  masks: readonly TranscriptMask[] = DEFAULT_MASKS,
): RecordedExchange {
  const replacements = new Map<string, string>();
  for (const mask of masks) {
    if ('header' in mask) {
      for (const [name, value] of exchange.response.headers) {
        if (name.toLowerCase() === mask.header.toLowerCase() && value !== '') {
          replacements.set(value, mask.as);
        }
      }
    }
  }
  // Longer values first, so that a value containing another is replaced as a whole.
  const ordered = [...replacements].sort(([a], [b]) => b.length - a.length);
  const patterns = masks.filter((mask) => 'pattern' in mask);
  const mask = (text: string): string => {
    let masked = text;
    for (const [value, as] of ordered) {
      masked = masked.split(value).join(as);
    }
    for (const { pattern, as } of patterns) {
      masked = masked.replace(pattern, as);
    }
    return masked;
  };
  const headers: HeaderLine[] = exchange.response.headers.map(([name, value]) => [name, mask(value)]);
  return {
    request: exchange.request,
    response: { ...exchange.response, headers, body: mask(exchange.response.body) },
  };
}
