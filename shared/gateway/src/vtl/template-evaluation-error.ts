import { Helper } from 'velocityjs';
import type { VelocityNode, VelocityPosition } from './velocity-ast.js';

/**
 * A failure while rendering, with the position and text of the reference or directive that failed.
 * `MappingTemplate.render` turns it into a `MappingTemplateRenderError`.
 */
export class TemplateEvaluationError extends Error {
  override readonly name = 'TemplateEvaluationError';

  constructor(
    message: string,
    readonly pos: VelocityPosition | undefined,
    readonly reference: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * `error`, thrown while rendering `node`, as a {@link TemplateEvaluationError} with the node's position and,
 * for a reference, its text; an error that already has them is returned as it is.
 */
export function locatedEvaluationError(error: unknown, node: VelocityNode): TemplateEvaluationError {
  if (error instanceof TemplateEvaluationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reference = node.type === 'references' ? Helper.getRefText(node as never) : undefined;
  return new TemplateEvaluationError(message, node.pos, reference, { cause: error });
}
