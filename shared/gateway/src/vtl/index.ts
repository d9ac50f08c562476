/**
 * Mapping templates (VTL) of REST APIs, rendered the way API Gateway renders them: Java Velocity semantics
 * on velocityjs, with `$input`, `$util`, `$context` (including request and response overrides) and
 * `$stageVariables`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 * @module
 */
export { CONTEXT_KEYS, IDENTITY_KEYS } from './context-variable.js';
export type { MappingParams } from './input-variable.js';
export {
  emptyOverrides,
  type MappingOverrides,
  type RequestOverride,
  type ResponseOverride,
} from './mapping-overrides.js';
export type { MappingResult } from './mapping-result.js';
export { compileMappingTemplate, type MappingInput, type MappingTemplate } from './mapping-template.js';
export { MappingTemplateRenderError, MappingTemplateSyntaxError } from './mapping-template-errors.js';
export { UTIL_FUNCTION_NAMES } from './util-variable.js';
