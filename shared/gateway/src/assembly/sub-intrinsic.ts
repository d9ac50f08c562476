/**
 * Where `Fn::Sub` finds what to put for a `${…}`: the value of one of its variables, an attribute or a `Ref`.
 * An `IntrinsicResolver` is such a source.
 */
export interface SubstitutionSources {
  /** Resolves the intrinsics inside a value of the variables. */
  resolve(value: unknown): unknown;
  /** The value of `Ref` to a parameter, pseudo parameter or resource. */
  ref(name: string): unknown;
  /** The value of `Fn::GetAtt` to `[logicalId, attribute]`. */
  getAtt(arg: unknown): string;
}

/**
 * `Fn::Sub`: a string, or `[string, variables]`, with each `${name}` substituted: a variable, then
 * `${Resource.Attribute}` as `Fn::GetAtt`, else `${Name}` as `Ref`; `${!Literal}` stands for `${Literal}`.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
 */
export function fnSub(arg: unknown, sources: SubstitutionSources): string {
  const [text, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
  return text.replace(/\$\{(!?)([^}]+)\}/g, (_whole, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    if (name in vars) return String(sources.resolve(vars[name]));
    if (name.includes('.') && !name.startsWith('AWS::')) return sources.getAtt(splitAttributeName(name));
    return String(sources.ref(name));
  });
}

/** `Resource.Attribute` as `[Resource, Attribute]`: split at the first dot, as `Fn::GetAtt` and `Fn::Sub` read it. */
export function splitAttributeName(text: string): [string, string] {
  const dot = text.indexOf('.');
  return [text.slice(0, dot), text.slice(dot + 1)];
}
