import { describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { UnresolvableValueError } from '../../src/assembly/unresolvable-value.js';

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

describe('IntrinsicResolver, beyond references', () => {
  const withMappings = new IntrinsicResolver(
    {
      Parameters: {
        Env: { Type: 'String', Default: 'prod' },
        Zones: { Type: 'CommaDelimitedList', Default: 'a,b' },
      },
      Mappings: { Hosts: { 'eu-west-1': { prod: 'api.example.com', dev: 'dev.example.com' } } },
      Conditions: {
        IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
        IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
        Both: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsDev' }] },
        Loop: { Condition: 'Loop' },
      },
      Resources: { Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' } },
    },
    'my-stack',
    pseudo,
    { imports: (name) => (name === 'shared-api-id' ? 'abc123' : undefined) },
  );

  it('finds a value in the Mappings by region and parameter', () => {
    expect(withMappings.resolve({ 'Fn::FindInMap': ['Hosts', { Ref: 'AWS::Region' }, { Ref: 'Env' }] })).toBe(
      'api.example.com',
    );
  });

  it('refuses a missing mapping key, listing the keys there are, unless a DefaultValue is given', () => {
    expect(() => withMappings.resolve({ 'Fn::FindInMap': ['Hosts', 'us-east-1', 'prod'] })).toThrow(
      'Fn::FindInMap finds no "us-east-1"/"prod" in the mapping "Hosts" (keys: eu-west-1)',
    );
    expect(
      withMappings.resolve({ 'Fn::FindInMap': ['Hosts', 'us-east-1', 'prod', { DefaultValue: 'none' }] }),
    ).toBe('none');
  });

  it('evaluates conditions for Fn::If, dropping an AWS::NoValue branch', () => {
    expect(withMappings.resolve({ 'Fn::If': ['IsProd', 'yes', 'no'] })).toBe('yes');
    expect(withMappings.resolve({ 'Fn::If': ['IsDev', 'yes', 'no'] })).toBe('no');
    expect(withMappings.resolve({ a: { 'Fn::If': ['Both', 1, { Ref: 'AWS::NoValue' }] } })).toEqual({});
    expect(() => withMappings.conditionHolds('Loop')).toThrow('the condition "Loop" depends on itself');
  });

  it('imports the value another stack exports, and refuses a name no stack exports', () => {
    expect(withMappings.resolve({ 'Fn::ImportValue': 'shared-api-id' })).toBe('abc123');
    expect(() => withMappings.resolve({ 'Fn::ImportValue': 'other' })).toThrow(
      'Fn::ImportValue of "other": no stack of this assembly exports that name',
    );
  });

  it('returns a list parameter as a list, and encodes Fn::Base64', () => {
    expect(withMappings.resolve({ 'Fn::Select': [1, { Ref: 'Zones' }] })).toBe('b');
    expect(withMappings.resolve({ 'Fn::Base64': 'hi' })).toBe('aGk=');
  });

  it('remembers which values stand for attributes it does not know', () => {
    const dns = withMappings.resolve({
      'Fn::Join': ['', ['http://', { 'Fn::GetAtt': ['Lb', 'DNSName'] }, '/']],
    });
    expect(withMappings.opaqueAttributeIn(String(dns))).toBe('Lb.DNSName');
    expect(withMappings.opaqueAttributeIn('http://localhost/')).toBeUndefined();
  });

  it('says which intrinsic of the template could not be resolved', () => {
    const node = { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] };
    try {
      withMappings.resolve({ a: [node] });
      expect.unreachable();
    } catch (error) {
      expect((error as UnresolvableValueError).node).toBe(node);
    }
  });
});
