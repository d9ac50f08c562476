import type { MappingOverrides } from './mapping-overrides.js';

/** What a render produced. */
export interface MappingResult {
  /** The rendered text: the integration request body, or the method response body. */
  readonly output: string;
  /** The override state after this render; pass it to the next render. */
  readonly overrides: MappingOverrides;
}
