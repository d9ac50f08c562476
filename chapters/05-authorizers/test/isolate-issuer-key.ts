/**
 * Runs before each test file: the gateways and tokens of the tests sign with a key of their own, in a fresh
 * folder, rather than with the machine's local issuer key (see `cors-gateway token`).
 *
 * @module
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.CORS_GATEWAY_KEY_DIR = mkdtempSync(join(tmpdir(), 'chapter-05-issuer-'));
