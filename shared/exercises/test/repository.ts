/**
 * The workshop's repository, for tests that check its real chapters and exercises.
 */
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
