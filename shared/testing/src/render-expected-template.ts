/**
 * Renders a template as the text of a committed expected-template file.
 *
 * @module
 */
import { normalizeTemplate } from './normalize-template.js';

/**
 * Returns the normalized template (see {@link normalizeTemplate}) as JSON indented by two spaces, ending with
 * a newline: the exact text of a chapter's `test/expected/<stack>.template.json`.
 *
 * @param template - the synthesized template
 * @example
 * ```ts
 * await expect(renderExpectedTemplate(template)).toMatchFileSnapshot('./expected/MyStack.template.json');
 * ```
 * @see https://vitest.dev/api/expect#tomatchfilesnapshot
 */
export function renderExpectedTemplate(template: object): string {
  return `${JSON.stringify(normalizeTemplate(template), null, 2)}\n`;
}
