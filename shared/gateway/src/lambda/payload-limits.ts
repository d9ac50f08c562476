import type { LambdaErrorDocument } from './worker-protocol.js';

/**
 * Lambda's quota on a synchronous invocation's request and response payloads: 6 MB, which Lambda counts
 * as 6,291,556 bytes in its error messages.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const LAMBDA_PAYLOAD_LIMIT_BYTES = 6_291_556;

/** What Lambda's `Invoke` answers for an event over the quota; the function does not run. */
export const REQUEST_TOO_LARGE_ERROR: LambdaErrorDocument = {
  errorType: 'RequestEntityTooLargeException',
  errorMessage: `Request must be smaller than ${LAMBDA_PAYLOAD_LIMIT_BYTES} bytes for the Invoke operation`,
};

/** The function error Lambda returns for a result over the quota; the environment stays warm. */
export const RESPONSE_TOO_LARGE_ERROR: LambdaErrorDocument = {
  errorType: 'Function.ResponseSizeTooLarge',
  errorMessage: `Response payload size exceeded maximum allowed payload size (${LAMBDA_PAYLOAD_LIMIT_BYTES} bytes).`,
};

/** Whether the UTF-8 encoding of `json` is over {@link LAMBDA_PAYLOAD_LIMIT_BYTES}. */
export function overPayloadLimit(json: string): boolean {
  // A character takes 1 to 3 bytes: most payloads are decided without encoding them.
  if (json.length > LAMBDA_PAYLOAD_LIMIT_BYTES) return true;
  if (json.length * 3 <= LAMBDA_PAYLOAD_LIMIT_BYTES) return false;
  return Buffer.byteLength(json, 'utf8') > LAMBDA_PAYLOAD_LIMIT_BYTES;
}
