import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A stable, lowercase alphanumeric ID of `length` characters derived from `seed`, shaped like the IDs API
 * Gateway gives to APIs and resources (e.g. `a1b2c3d4e5`). The same template always gets the same IDs, so
 * URLs and logs stay stable across restarts.
 */
export function stableId(seed: string, length = 10): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return id;
}
