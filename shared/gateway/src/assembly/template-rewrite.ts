/**
 * How the names of one template map into another when the first is inlined into the second: every logical
 * ID, condition and mapping gets a prefix, and some parameters are replaced by the expression the
 * enclosing template passes for them.
 */
export interface TemplateRenaming {
  /** Prepended to every resource, condition and mapping name, e.g. `Nested/`. */
  readonly prefix: string;
  /** Parameters replaced by a value of the enclosing template (already in its namespace). */
  readonly passed: ReadonlyMap<string, unknown>;
}

/**
 * Rewrites every reference inside `value` (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::FindInMap`, `Fn::If`,
 * `Condition`) so that it names the inlined copies: `{ Ref: 'Fn' }` becomes `{ Ref: 'Nested/Fn' }`, and a
 * `Ref` to a passed parameter becomes the value passed for it. Pseudo parameters are left alone.
 */
export function rewriteReferences(value: unknown, renaming: TemplateRenaming): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteReferences(item, renaming));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const { prefix, passed } = renaming;
  if (entries.length === 1) {
    const [key, arg] = entries[0]!;
    switch (key) {
      case 'Ref': {
        const name = String(arg);
        if (name.startsWith('AWS::')) return value;
        if (passed.has(name)) return passed.get(name);
        return { Ref: prefix + name };
      }
      case 'Fn::GetAtt': {
        if (typeof arg === 'string') return { 'Fn::GetAtt': prefix + arg };
        const [id, attribute] = arg as [string, unknown];
        return { 'Fn::GetAtt': [prefix + id, rewriteReferences(attribute, renaming)] };
      }
      case 'Fn::Sub':
        return {
          'Fn::Sub': rewriteSub(
            arg,
            (name) => (passed.has(name) ? undefined : prefix + name),
            passed,
            renaming,
          ),
        };
      case 'Fn::FindInMap': {
        const [map, ...keys] = arg as unknown[];
        const mapName = typeof map === 'string' ? prefix + map : rewriteReferences(map, renaming);
        return { 'Fn::FindInMap': [mapName, ...keys.map((k) => rewriteReferences(k, renaming))] };
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
        return {
          'Fn::If': [
            prefix + condition,
            rewriteReferences(whenTrue, renaming),
            rewriteReferences(whenFalse, renaming),
          ],
        };
      }
      case 'Condition':
        if (typeof arg === 'string') return { Condition: prefix + arg };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = rewriteReferences(v, renaming);
  return out;
}

/**
 * Rewrites the `${Name}` and `${Name.Attribute}` references of an `Fn::Sub`: `rename` gives the new name
 * (or `undefined` to replace the reference by a variable holding `replacement(name)`).
 */
export function rewriteSub(
  arg: unknown,
  rename: (name: string) => string | undefined,
  replacements: ReadonlyMap<string, unknown>,
  renaming?: TemplateRenaming,
): unknown {
  const [text, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
  const newVars: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(vars)) {
    newVars[name] = renaming ? rewriteReferences(v, renaming) : v;
  }
  let counter = 0;
  const rewritten = text.replace(/\$\{(!?)([^}]+)\}/g, (whole, bang: string, name: string) => {
    if (bang || name in vars || name.startsWith('AWS::')) return whole;
    const renamed = rename(name);
    if (renamed !== undefined) return `\${${renamed}}`;
    const variable = `Inlined${counter++}`;
    newVars[variable] = replacements.get(name);
    return `\${${variable}}`;
  });
  return Object.keys(newVars).length === 0 ? rewritten : [rewritten, newVars];
}
