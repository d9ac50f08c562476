import { describe, expect, it } from 'vitest';
import { IntrinsicResolver, UnresolvableValueError } from '../../src/assembly/intrinsics.js';

const pseudo = {
  region: 'eu-west-1',
  accountId: '123456789012',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
};
const template = {
  Parameters: { Stage: { Type: 'String', Default: 'dev' }, NoDefault: { Type: 'String' } },
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'my-fn' } },
    Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
  },
};
const resolver = new IntrinsicResolver(template, 'my-stack', pseudo);

describe('IntrinsicResolver', () => {
  it('resolves the Uri CDK writes for a Lambda integration', () => {
    const uri = resolver.resolve({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':apigateway:',
          { Ref: 'AWS::Region' },
          ':lambda:path/2015-03-31/functions/',
          { 'Fn::GetAtt': ['Fn', 'Arn'] },
          '/invocations',
        ],
      ],
    });
    expect(uri).toBe(
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:my-fn/invocations',
    );
  });

  it('substitutes variables, pseudo parameters and attributes in Fn::Sub', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub's own ${} syntax, not a template literal
    const sub = '${AWS::Region}/${Stage}/${Table.Arn}/${x}/${!Literal}';
    expect(resolver.resolve({ 'Fn::Sub': [sub, { x: 'y' }] })).toBe(
      `eu-west-1/dev/${resolver.getAtt(['Table', 'Arn'])}/y/\${Literal}`,
    );
  });

  it('gives a resource the same physical ID every time', () => {
    const other = new IntrinsicResolver(template, 'my-stack', pseudo);
    expect(other.ref('Table')).toBe(resolver.ref('Table'));
  });

  it('selects and splits', () => {
    expect(resolver.resolve({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] })).toBe('b');
  });

  it('drops AWS::NoValue properties', () => {
    expect(resolver.resolve({ a: 1, b: { Ref: 'AWS::NoValue' } })).toEqual({ a: 1 });
  });

  it('refuses a Ref to something the template lacks, quoting its name', () => {
    expect(() => resolver.ref('Missing')).toThrow(
      new UnresolvableValueError('Ref to "Missing", which is not in the template'),
    );
    expect(() => resolver.ref('NoDefault')).toThrow(/parameter "NoDefault" has no Default/);
  });
});
