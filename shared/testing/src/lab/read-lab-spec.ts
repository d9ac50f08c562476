/**
 * Reads a chapter's `lab.json` from disk.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LabSpec, parseLabSpec } from './lab-spec.js';

/**
 * Reads and checks a `lab.json`.
 *
 * @param file - its path, or a `file:` URL such as `new URL('../lab.json', import.meta.url)`
 * @returns the spec, with every default filled in
 * @throws Error naming the file when it cannot be read, is not JSON, or has the wrong shape
 * @example
 * ```ts
 * const spec = readLabSpec(new URL('../lab.json', import.meta.url));
 * ```
 */
export function readLabSpec(file: string | URL): LabSpec {
  const path = typeof file === 'string' ? file : fileURLToPath(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the lab description: ${(error as Error).message}`);
  }
  return parseLabSpec(value, path);
}
