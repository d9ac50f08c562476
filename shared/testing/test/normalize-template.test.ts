// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript placeholders.
import { describe, expect, it } from 'vitest';
import { ASSET_HASH_MASK, ASSETS_BUCKET_MASK, normalizeTemplate } from '../src/normalize-template.js';

const HASH = 'a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060f1e';
const OTHER_HASH = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

function lambdaCode(bucket: unknown, key: string) {
  return {
    Resources: {
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: bucket, S3Key: key } } },
    },
  };
}

describe('normalizeTemplate', () => {
  it('masks the asset hash of a Lambda S3Key and keeps the .zip suffix', () => {
    const normalized = normalizeTemplate(lambdaCode('bucket', `${HASH}.zip`));

    expect(normalized.Resources.Fn.Properties.Code.S3Key).toBe(`${ASSET_HASH_MASK}.zip`);
  });

  it('masks every 64-hex run inside any string, wherever it sits', () => {
    const normalized = normalizeTemplate({
      Metadata: {
        'aws:asset:path': `asset.${HASH}`,
        list: [`${HASH}-${OTHER_HASH}`, { deep: [`x${HASH}y`] }],
      },
    });

    expect(normalized).toEqual({
      Metadata: {
        'aws:asset:path': `asset.${ASSET_HASH_MASK}`,
        list: [`${ASSET_HASH_MASK}-${ASSET_HASH_MASK}`, { deep: [`x${ASSET_HASH_MASK}y`] }],
      },
    });
  });

  it('masks upper-case hex digits too', () => {
    expect(normalizeTemplate({ key: `${HASH.toUpperCase()}.zip` })).toEqual({
      key: `${ASSET_HASH_MASK}.zip`,
    });
  });

  it('leaves hex runs that are not exactly 64 digits long alone', () => {
    const template = {
      Resources: {
        ApiDeployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { Description: HASH.slice(0, 32) },
        },
      },
      short: HASH.slice(1),
      long: `${HASH}f`,
    };

    expect(normalizeTemplate(template)).toEqual(template);
  });

  it('collapses the Fn::Sub form of the bootstrap assets bucket to the mask', () => {
    const normalized = normalizeTemplate(
      lambdaCode({ 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, `${HASH}.zip`),
    );

    expect(normalized.Resources.Fn.Properties.Code.S3Bucket).toBe(ASSETS_BUCKET_MASK);
  });

  it('masks the bucket of a stack bound to a region, or to an account and a region', () => {
    const regionOnly = normalizeTemplate(
      lambdaCode({ 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1' }, 'k'),
    );
    const fullyBound = normalizeTemplate(lambdaCode('cdk-hnb659fds-assets-123456789012-ap-southeast-2', 'k'));

    expect(regionOnly.Resources.Fn.Properties.Code.S3Bucket).toBe(ASSETS_BUCKET_MASK);
    expect(fullyBound.Resources.Fn.Properties.Code.S3Bucket).toBe(ASSETS_BUCKET_MASK);
  });

  it('masks a bucket with a custom qualifier', () => {
    const normalized = normalizeTemplate(lambdaCode('cdk-myqualif-assets-123456789012-eu-west-1', 'k'));

    expect(normalized.Resources.Fn.Properties.Code.S3Bucket).toBe(ASSETS_BUCKET_MASK);
  });

  it('masks only the bucket part of a longer Fn::Sub and keeps the Fn::Sub', () => {
    const arn = 'arn:${AWS::Partition}:s3:::cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/*';

    expect(normalizeTemplate({ Resource: { 'Fn::Sub': arn } })).toEqual({
      Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::${ASSETS_BUCKET_MASK}/*` },
    });
  });

  it('keeps Fn::Sub values that name no bucket unchanged', () => {
    const template = { Value: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/' } };

    expect(normalizeTemplate(template)).toEqual(template);
  });

  it('masks the hashes in keys as well as in values', () => {
    expect(normalizeTemplate({ [`AssetParameters${HASH}S3Bucket`]: { Type: 'String' } })).toEqual({
      [`AssetParameters${ASSET_HASH_MASK}S3Bucket`]: { Type: 'String' },
    });
  });

  it('refuses to merge two keys that only differ by their hash, quoting both', () => {
    const template = { [`P${HASH}`]: 1, [`P${OTHER_HASH}`]: 2 };

    expect(() => normalizeTemplate(template)).toThrow(
      `Masking the asset hashes makes the keys "P${HASH}" and "P${OTHER_HASH}" both "P${ASSET_HASH_MASK}"`,
    );
  });

  it('keeps numbers, booleans and nulls as they are', () => {
    const template = { a: 1, b: true, c: null, d: [0, false, null] };

    expect(normalizeTemplate(template)).toEqual(template);
  });

  it('leaves its input untouched', () => {
    const template = lambdaCode(
      { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' },
      `${HASH}.zip`,
    );
    const before = structuredClone(template);

    normalizeTemplate(Object.freeze(template));

    expect(template).toEqual(before);
  });
});
