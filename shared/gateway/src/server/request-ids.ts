import { randomBytes, randomUUID } from 'node:crypto';

/**
 * A request ID in the form API Gateway uses for `x-amzn-RequestId` and `$context.requestId`: a UUID.
 */
export function newRequestId(): string {
  return randomUUID();
}

/**
 * An extended request ID in the form of `x-amz-apigw-id` (e.g. `eFO4aEnZIAMFkYw=`): 15 characters of
 * base64 and a padding `=`.
 */
export function newExtendedRequestId(): string {
  return `${randomBytes(11).toString('base64').slice(0, 15)}=`;
}

/**
 * An X-Ray trace header value, `Root=1-<8 hex epoch seconds>-<24 hex>;Sampled=0`, as API Gateway adds to
 * responses that went to a backend.
 */
export function newTraceId(now = Date.now()): string {
  const epoch = Math.floor(now / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Sampled=0`;
}
