import { describe, expect, it } from 'vitest';
import { refuseForeignApiParts } from '../../src/assembly/api-attachments.js';
import { prepareAssembly } from '../../src/assembly/prepare-assembly.js';
import { writeAssembly } from '../support/assembly-folder.js';

const pseudo = {
  region: 'us-east-1',
  accountId: '123456789012',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
};

const nestedTemplate = {
  Parameters: { ApiRef: { Type: 'String' }, Greeting: { Type: 'String', Default: 'hello' } },
  Conditions: { Always: { 'Fn::Equals': [{ Ref: 'Greeting' }, 'hello'] } },
  Resources: {
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Code: { ZipFile: 'x' }, Handler: 'index.h', Runtime: 'nodejs22.x' },
    },
    Res: {
      Type: 'AWS::ApiGateway::Resource',
      Condition: 'Always',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub's own ${} syntax, not a template literal
      Properties: { RestApiId: { Ref: 'ApiRef' }, PathPart: { 'Fn::Sub': '${Greeting}-${ApiRef}' } },
    },
  },
  Outputs: { FnArn: { Value: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Export: { Name: 'nested-fn-arn' } } },
};

const parentTemplate = {
  Resources: {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Api' } },
    Child: {
      Type: 'AWS::CloudFormation::Stack',
      Properties: {
        TemplateURL: {
          'Fn::Join': ['', ['https://s3.us-east-1.', { Ref: 'AWS::URLSuffix' }, '/bucket/child.json']],
        },
        Parameters: { ApiRef: { Ref: 'Api' } },
      },
    },
    UsesOutput: {
      Type: 'AWS::SSM::Parameter',
      Properties: { Value: { 'Fn::GetAtt': ['Child', 'Outputs.FnArn'] } },
    },
  },
  Outputs: { ApiId: { Value: { Ref: 'Api' }, Export: { Name: 'parent-api-id' } } },
};

describe('prepareAssembly', () => {
  const dir = writeAssembly({
    Parent: {
      template: parentTemplate,
      assets: { 'child.json': { path: 'Child.nested.template.json', text: JSON.stringify(nestedTemplate) } },
    },
    Consumer: {
      template: {
        Resources: {
          Imported: {
            Type: 'AWS::SSM::Parameter',
            Properties: { Value: { 'Fn::ImportValue': 'parent-api-id' } },
          },
        },
      },
    },
  });

  it('inlines a nested stack under its logical ID, with the parameters the parent passes', () => {
    const { selected } = prepareAssembly(dir, 'Parent', pseudo);
    const [{ stack, resolver }] = selected as [(typeof selected)[0]];
    const resource = stack.template.Resources?.['Child-Res'];
    expect(resource?.Condition).toBe('Child-Always');
    const apiId = resolver.ref('Api');
    expect(resolver.resolve(resource?.Properties?.RestApiId)).toBe(apiId);
    expect(resolver.resolve(resource?.Properties?.PathPart)).toBe(`hello-${String(apiId)}`);
    expect(stack.nestedStacks).toEqual(['Child']);
  });

  it("resolves the parent's Fn::GetAtt of a nested output to the nested resource's value", () => {
    const [{ stack, resolver }] = prepareAssembly(dir, 'Parent', pseudo).selected as [
      ReturnType<typeof prepareAssembly>['selected'][0],
    ];
    expect(resolver.resolve(stack.template.Resources?.UsesOutput?.Properties?.Value)).toBe(
      resolver.getAtt(['Child-Fn', 'Arn']),
    );
  });

  it('resolves Fn::ImportValue with what another stack exports, even when only the importer is served', () => {
    const { selected, all } = prepareAssembly(dir, 'Consumer', pseudo);
    expect(selected).toHaveLength(1);
    const parent = all.find((s) => s.stack.stackName === 'Parent')!;
    const [{ stack, resolver }] = selected as [(typeof selected)[0]];
    expect(resolver.resolve(stack.template.Resources?.Imported?.Properties?.Value)).toBe(
      parent.resolver.ref('Api'),
    );
  });

  it('finds the functions of nested stacks by ARN, reading none until asked', () => {
    const { functions, all } = prepareAssembly(dir, undefined, pseudo);
    const parent = all.find((s) => s.stack.stackName === 'Parent')!;
    const fn = functions.get(parent.resolver.getAtt(['Child-Fn', 'Arn']));
    expect(fn?.logicalId).toBe('Child-Fn');
    expect(functions.get('arn:aws:lambda:us-east-1:123456789012:function:missing')).toBeUndefined();
  });

  it('drops the resources whose Condition is false', () => {
    const only = writeAssembly({
      S: {
        template: {
          Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
          Resources: {
            Gone: { Type: 'AWS::SNS::Topic', Condition: 'Never' },
            Kept: { Type: 'AWS::SNS::Topic' },
          },
        },
      },
    });
    const [{ stack }] = prepareAssembly(only, undefined, pseudo).selected as [
      ReturnType<typeof prepareAssembly>['selected'][0],
    ];
    expect(Object.keys(stack.template.Resources ?? {})).toEqual(['Kept']);
  });

  it('refuses a nested stack whose template is not in the assembly, naming the stack resource', () => {
    const broken = writeAssembly({ P: { template: parentTemplate } });
    expect(() => prepareAssembly(broken, undefined, pseudo)).toThrow(
      /P\.template\.json \(Child\): the nested stack's TemplateURL "https:\/\/s3\.us-east-1\.amazonaws\.com\/bucket\/child\.json" is not a template of this assembly/,
    );
  });
});

describe('refuseForeignApiParts', () => {
  const method = (apiId: unknown) => ({
    Type: 'AWS::ApiGateway::Method',
    Properties: { RestApiId: apiId, ResourceId: 'r', HttpMethod: 'GET' },
  });

  it('refuses a method attached to the REST API of another stack, naming both', () => {
    const dir = writeAssembly({
      Producer: {
        template: {
          Resources: { Api: { Type: 'AWS::ApiGateway::RestApi' } },
          Outputs: { Id: { Value: { Ref: 'Api' }, Export: { Name: 'api-id' } } },
        },
      },
      Consumer: { template: { Resources: { Get: method({ 'Fn::ImportValue': 'api-id' }) } } },
    });
    const { all, selected } = prepareAssembly(dir, 'Producer', pseudo);
    expect(() => refuseForeignApiParts(all, selected)).toThrow(
      /Consumer\.template\.json \(Get\): this ApiGateway::Method attaches to the REST API Api of the stack Producer, imported by ID into the stack Consumer/,
    );
  });

  it('refuses a method attached to an API no stack defines, quoting its ID', () => {
    const dir = writeAssembly({ S: { template: { Resources: { Get: method('abc123') } } } });
    const { all, selected } = prepareAssembly(dir, undefined, pseudo);
    expect(() => refuseForeignApiParts(all, selected)).toThrow(
      /\(Get\): this ApiGateway::Method attaches to the API "abc123", which no stack of this assembly defines/,
    );
  });

  it('accepts the parts a nested stack attaches to its parent API', () => {
    const dir = writeAssembly({
      Parent: {
        template: parentTemplate,
        assets: {
          'child.json': { path: 'Child.nested.template.json', text: JSON.stringify(nestedTemplate) },
        },
      },
    });
    const { all, selected } = prepareAssembly(dir, undefined, pseudo);
    expect(() => refuseForeignApiParts(all, selected)).not.toThrow();
  });
});

describe('prepareAssembly and conditions', () => {
  it('refuses a resource that depends on one its condition drops, as CloudFormation does', () => {
    const dir = writeAssembly({
      S: {
        template: {
          Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
          Resources: {
            Gone: { Type: 'AWS::SNS::Topic', Condition: 'Never' },
            Waits: { Type: 'AWS::SNS::Topic', DependsOn: ['Gone'] },
          },
        },
      },
    });
    expect(() => prepareAssembly(dir, undefined, pseudo)).toThrow(
      'S.template.json (Waits): Template format error: Unresolved resource dependencies [Gone] in the Resources block of the template',
    );
  });
});
