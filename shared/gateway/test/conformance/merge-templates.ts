/**
 * Merges several one-API templates (from `restApiTemplate`) into one, so a single gateway serves every
 * API of the suite: each API's resources are renamed `<name><LogicalId>` (references rewritten), and the
 * Lambda functions, the same in every template, are kept once under their own names.
 * @returns the template, and each API's logical ID by name
 */
export function mergeApiTemplates(templates: Readonly<Record<string, Record<string, unknown>>>): {
  template: Record<string, unknown>;
  logicalIds: Map<string, string>;
} {
  const merged: Record<string, unknown> = {};
  const logicalIds = new Map<string, string>();
  for (const [name, template] of Object.entries(templates)) {
    const resources = template.Resources as Record<string, { Type: string }>;
    const renamed = new Map<string, string>();
    for (const [id, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') renamed.set(id, `${name}${id}`);
    }
    for (const [id, resource] of Object.entries(resources)) {
      merged[renamed.get(id) ?? id] = rewrite(resource, renamed);
      if (resource.Type === 'AWS::ApiGateway::RestApi') logicalIds.set(name, renamed.get(id)!);
    }
  }
  return { template: { Resources: merged }, logicalIds };
}

function rewrite(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, renamed));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') out[key] = renamed.get(inner) ?? inner;
    else if (key === 'Fn::GetAtt' && Array.isArray(inner)) {
      out[key] = [renamed.get(inner[0] as string) ?? inner[0], ...inner.slice(1)];
    } else out[key] = rewrite(inner, renamed);
  }
  return out;
}
