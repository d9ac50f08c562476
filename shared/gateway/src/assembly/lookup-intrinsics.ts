/**
 * `Fn::FindInMap` and `Fn::ImportValue`, which look a value up by name: in the template's `Mappings`, in the
 * exports of the other stacks of the assembly.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-importvalue.html
 * @module
 */

import type { CfnTemplate } from './cfn-template.js';
import { UnresolvableValueError } from './unresolvable-value.js';

/**
 * The value another stack of the same assembly exports under `name` (its output's `Export.Name`), or
 * `undefined` when no stack exports it.
 */
export type ExportLookup = (name: string) => unknown;

/**
 * `Fn::FindInMap`: `[map, topKey, secondKey]` (with `{ DefaultValue }` as a fourth element, from the
 * `AWS::LanguageExtensions` transform), the value in the template's `Mappings`.
 * @param mappings - the template's `Mappings`
 * @param resolve - resolves the intrinsics inside a value, see `IntrinsicResolver.resolve`
 * @param resolveString - resolves a value that must be a string, see `IntrinsicResolver.resolveString`
 * @throws {@link UnresolvableValueError} for a missing mapping, or missing keys without a `DefaultValue`
 */
export function fnFindInMap(
  arg: unknown,
  mappings: CfnTemplate['Mappings'],
  resolve: (value: unknown) => unknown,
  resolveString: (value: unknown, what: string) => string,
): unknown {
  const [mapArg, topArg, secondArg, options] = arg as [unknown, unknown, unknown, unknown];
  const mapName = resolveString(mapArg, 'Fn::FindInMap map name');
  const topKey = resolveString(topArg, 'Fn::FindInMap top-level key');
  const secondKey = resolveString(secondArg, 'Fn::FindInMap second-level key');
  const mapping = mappings?.[mapName];
  if (!mapping) {
    throw new UnresolvableValueError(
      `Fn::FindInMap reads the mapping "${mapName}", which is not in Mappings`,
    );
  }
  const value = mapping[topKey]?.[secondKey];
  if (value !== undefined) return resolve(value);
  const fallback = (options as { DefaultValue?: unknown } | undefined)?.DefaultValue;
  if (fallback !== undefined) return resolve(fallback);
  throw new UnresolvableValueError(
    `Fn::FindInMap finds no "${topKey}"/"${secondKey}" in the mapping "${mapName}" (keys: ${Object.keys(mapping).join(', ')})`,
  );
}

/**
 * `Fn::ImportValue`: the value another stack of the assembly exports under the given name.
 * @param imports - the exports of the other stacks; none when undefined
 * @param resolveString - resolves a value that must be a string, see `IntrinsicResolver.resolveString`
 * @throws {@link UnresolvableValueError} when no stack exports the name
 */
export function fnImportValue(
  arg: unknown,
  imports: ExportLookup | undefined,
  resolveString: (value: unknown, what: string) => string,
): unknown {
  const name = resolveString(arg, 'Fn::ImportValue name');
  const value = imports?.(name);
  if (value === undefined) {
    throw new UnresolvableValueError(
      `Fn::ImportValue of "${name}": no stack of this assembly exports that name, so its value is not known locally`,
    );
  }
  return value;
}
