// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` is Fn::Sub's own syntax in these strings
import { describe, expect, it } from 'vitest';
import { fnSub, type SubstitutionSources, splitAttributeName } from '../../src/assembly/sub-intrinsic.js';

const sources: SubstitutionSources = {
  resolve: (value) => (typeof value === 'object' ? 'resolved' : value),
  ref: (name) => `ref(${name})`,
  getAtt: (arg) => `getAtt(${(arg as string[]).join('|')})`,
};

describe('fnSub', () => {
  it('substitutes pseudo parameters and other names as Ref, attributes as Fn::GetAtt', () => {
    expect(fnSub('${AWS::Region}/${Stage}', sources)).toBe('ref(AWS::Region)/ref(Stage)');
    expect(fnSub('${Table.Arn}/${Api.Root.Id}', sources)).toBe('getAtt(Table|Arn)/getAtt(Api|Root.Id)');
  });

  it('prefers its own variables, resolved, to references of the same name', () => {
    expect(fnSub(['${Stage}-${Table.Arn}', { Stage: 'prod', 'Table.Arn': { Ref: 'X' } }], sources)).toBe(
      'prod-resolved',
    );
  });

  it('writes ${!Literal} as ${Literal}, and leaves text without ${…} as it is', () => {
    expect(fnSub('a ${!Literal} b', sources)).toBe('a ${Literal} b');
    expect(fnSub('plain $ text {}', sources)).toBe('plain $ text {}');
  });

  it('reads a dotted pseudo parameter as a Ref, not as an attribute', () => {
    expect(fnSub('${AWS::URLSuffix.x}', sources)).toBe('ref(AWS::URLSuffix.x)');
  });
});

describe('splitAttributeName', () => {
  it('splits at the first dot only', () => {
    expect(splitAttributeName('Table.Arn')).toEqual(['Table', 'Arn']);
    expect(splitAttributeName('Api.RootResource.Id')).toEqual(['Api', 'RootResource.Id']);
  });
});
