import { randomFillSync, randomUUID } from 'node:crypto';

/**
 * A request ID in the form API Gateway uses for `x-amzn-RequestId` and `$context.requestId`: a UUID.
 */
export function newRequestId(): string {
  return randomUUID();
}

const POOL_SIZE = 11 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

/**
 * `count` random bytes, taken from a pool refilled in bulk (random IDs are on every request's path), in
 * `encoding`; read straight from the pool, without a view of it per ID.
 */
function randomText(count: number, encoding: 'base64' | 'hex'): string {
  if (poolOffset + count > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += count;
  return pool.toString(encoding, start, poolOffset);
}

/**
 * An extended request ID in the form of `x-amz-apigw-id` (e.g. `eFO4aEnZIAMFkYw=`): 15 characters of
 * base64 and a padding `=`.
 */
export function newExtendedRequestId(): string {
  // 11 bytes are 15 base64 characters and one `=` of padding.
  return randomText(11, 'base64');
}

/**
 * An X-Ray trace header value, `Root=1-<8 hex epoch seconds>-<24 hex>;Sampled=0`, as API Gateway adds to
 * responses that went to a backend.
 */
export function newTraceId(now = Date.now()): string {
  const epoch = Math.floor(now / 1000).toString(16);
  return `Root=1-${epoch}-${randomText(12, 'hex')};Sampled=0`;
}
