/**
 * The verdict of a background validation, as a file the child writes and a test file waits for.
 *
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** How the synth fared under CloudFormation Validate. */
export type ValidationVerdict =
  /** The synth passed, as `cdk synth` would. */
  | { readonly passed: true }
  /** The synth failed; `report` names the violations, or quotes what the child printed when its synth threw. */
  | { readonly passed: false; readonly report: string };

/**
 * Writes a verdict file all at once, so that a reader never sees half of it.
 *
 * @param verdictFile - the file {@link awaitVerdict} reads
 * @param verdict - the verdict
 */
export function writeVerdict(verdictFile: string, verdict: ValidationVerdict): void {
  writeFileSync(`${verdictFile}.partial`, JSON.stringify(verdict));
  renameSync(`${verdictFile}.partial`, verdictFile);
}

/**
 * Waits until a verdict file exists, and reads it.
 *
 * @param verdictFile - the file the background validation writes
 * @param pollMs - how often the file is looked for
 * @returns the verdict
 */
export async function awaitVerdict(verdictFile: string, pollMs = 25): Promise<ValidationVerdict> {
  while (!existsSync(verdictFile)) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return JSON.parse(readFileSync(verdictFile, 'utf8')) as ValidationVerdict;
}
