/**
 * Compiling a mapping-template map (`RequestTemplates`, `ResponseTemplates`) once, at load.
 * @module
 */
import { GatewayConfigError } from '../errors.js';
import { compileMappingTemplate } from '../vtl/index.js';
import type { KeyedTemplates } from './rest-api-model.js';

/**
 * Compiles each template of a `{ contentType: template }` map, keyed by its lower-cased content type.
 * @param raw - the template property as the template has it
 * @param origin - where the templates are, e.g. `Method Integration.RequestTemplates`: its first word is the
 *   resource a compile error names
 * @param file - the CloudFormation template's file, for errors
 * @throws GatewayConfigError quoting the template that does not compile
 */
export function compileKeyedTemplates(raw: unknown, origin: string, file: string): KeyedTemplates {
  const byType = new Map<string, ReturnType<typeof compileMappingTemplate>>();
  for (const [contentType, source] of Object.entries((raw as Record<string, unknown> | undefined) ?? {})) {
    if (typeof source !== 'string') continue;
    try {
      byType.set(contentType.toLowerCase(), compileMappingTemplate(source, `${origin}["${contentType}"]`));
    } catch (error) {
      throw new GatewayConfigError((error as Error).message, {
        file,
        resource: origin.split(' ')[0]!,
      });
    }
  }
  return { byType };
}
