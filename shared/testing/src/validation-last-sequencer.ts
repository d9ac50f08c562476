/**
 * A vitest sequencer that runs a chapter's validation test file last, so that waiting for the background
 * validation (see `sharedValidation`) overlaps the other files instead of holding them up.
 *
 * @module
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The test file that waits for the background validation: `test/validate.test.ts`. */
export const VALIDATION_TEST_FILE = /[\\/]test[\\/]validate\.test\.[cm]?[jt]s$/;

/**
 * Orders test files as vitest does (the slowest of the last run first), then moves the validation test
 * file to the end.
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * import { ValidationLastSequencer } from '@cors-workshop/testing/sequencer';
 * export default defineConfig({ test: { sequence: { sequencer: ValidationLastSequencer } } });
 * ```
 * @see https://vitest.dev/config/#sequence-sequencer
 */
export class ValidationLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isValidation = (file: TestSpecification) => VALIDATION_TEST_FILE.test(file.moduleId);
    return [...sorted.filter((file) => !isValidation(file)), ...sorted.filter(isValidation)];
  }
}
