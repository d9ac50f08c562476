/**
 * Masks the parts of a synthesized template that change with every handler edit or machine, so that an
 * expected template can be committed and compared.
 *
 * @module
 */

/**
 * What every asset hash (a run of exactly 64 hexadecimal digits) becomes.
 *
 * An asset's hash is the SHA-256 of its (bundled) content, so it changes with every handler edit and, for
 * some bundlers, with the machine.
 * @see https://github.com/aws/aws-cdk/issues/13468
 */
export const ASSET_HASH_MASK = '<asset-hash>';

/**
 * What the name of the CDK bootstrap assets bucket becomes, in every form it takes:
 * `cdk-<qualifier>-assets-<account>-<region>`, with the account and region literal or written as
 * `${AWS::AccountId}` / `${AWS::Region}` inside an `Fn::Sub`.
 * @see https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-env.html
 */
export const ASSETS_BUCKET_MASK = '<bootstrap-assets-bucket>';

const ASSET_HASH = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/gi;

const ASSETS_BUCKET =
  /cdk-[a-z0-9]+-assets-(?:\$\{AWS::AccountId\}|\d{12})-(?:\$\{AWS::Region\}|[a-z]{2}(?:-[a-z]+)+-\d+)/g;

/** A JSON value, as found in a CloudFormation template. */
type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * Returns a copy of a CloudFormation template in which the values that are not stable across handler edits
 * and machines are masked:
 *
 * - every run of exactly 64 hexadecimal digits in a string or a key (the asset hashes, e.g. the Lambda
 *   `Code.S3Key` `<hash>.zip`) becomes {@link ASSET_HASH_MASK};
 * - the bootstrap assets bucket becomes {@link ASSETS_BUCKET_MASK}; an `Fn::Sub` whose whole text is that
 *   bucket collapses to the mask itself, so environment-agnostic and environment-bound stacks normalize alike.
 *
 * Everything else (logical IDs, the API deployment's hash suffix, regions) is kept: those change only when
 * the stack itself changes. The input is not modified.
 *
 * @param template - a template, as parsed from `cdk.out/<stack>.template.json` or returned by `synthStack`
 * @returns the normalized copy
 * @throws Error when masking makes two keys of one object equal (the message quotes both)
 * @example
 * ```ts
 * const expected = `${JSON.stringify(normalizeTemplate(template), null, 2)}\n`;
 * await expect(expected).toMatchFileSnapshot('./expected/MyStack.template.json');
 * ```
 * @see https://vitest.dev/guide/snapshot#file-snapshots
 */
export function normalizeTemplate<T extends object>(template: T): T {
  return normalizeValue(template as Json) as T;
}

function normalizeValue(value: Json): Json {
  if (typeof value === 'string') {
    return normalizeString(value);
  }
  if (Array.isArray(value)) {
    return value.map(normalizeValue);
  }
  if (value !== null && typeof value === 'object') {
    return normalizeObject(value as { readonly [key: string]: Json });
  }
  return value;
}

function normalizeObject(object: { readonly [key: string]: Json }): Json {
  const entries = Object.entries(object);
  const [onlyEntry] = entries;
  if (entries.length === 1 && onlyEntry?.[0] === 'Fn::Sub' && typeof onlyEntry[1] === 'string') {
    const text = normalizeString(onlyEntry[1]);
    if (text === ASSETS_BUCKET_MASK) {
      return ASSETS_BUCKET_MASK;
    }
  }
  const result: { [key: string]: Json } = {};
  const originalKeys = new Map<string, string>();
  for (const [key, child] of entries) {
    const maskedKey = normalizeString(key);
    const earlierKey = originalKeys.get(maskedKey);
    if (earlierKey !== undefined) {
      throw new Error(
        `Masking the asset hashes makes the keys "${earlierKey}" and "${key}" both "${maskedKey}"; ` +
          'normalizeTemplate cannot keep both.',
      );
    }
    originalKeys.set(maskedKey, key);
    result[maskedKey] = normalizeValue(child);
  }
  return result;
}

function normalizeString(text: string): string {
  return text.replace(ASSETS_BUCKET, ASSETS_BUCKET_MASK).replace(ASSET_HASH, ASSET_HASH_MASK);
}
