import { describe, expect, it } from 'vitest';
import { fnFindInMap, fnImportValue } from '../../src/assembly/lookup-intrinsics.js';
import { UnresolvableValueError } from '../../src/assembly/unresolvable-value.js';

/** A resolver that knows `{ Ref: 'Env' }` and leaves everything else as it is. */
const resolve = (value: unknown): unknown => (JSON.stringify(value) === '{"Ref":"Env"}' ? 'prod' : value);
const resolveString = (value: unknown, what: string): string => {
  const resolved = resolve(value);
  if (typeof resolved !== 'string') throw new UnresolvableValueError(`${what} must resolve to a string`);
  return resolved;
};
const mappings = { Hosts: { 'eu-west-1': { prod: 'api.example.com', dev: { Ref: 'Env' } } } };
const findInMap = (arg: unknown) => fnFindInMap(arg, mappings, resolve, resolveString);

describe('fnFindInMap', () => {
  it('finds the value under the resolved keys, and resolves it', () => {
    expect(findInMap(['Hosts', 'eu-west-1', { Ref: 'Env' }])).toBe('api.example.com');
    expect(findInMap(['Hosts', 'eu-west-1', 'dev'])).toBe('prod');
  });

  it('falls back on a DefaultValue, resolved, for keys the mapping lacks', () => {
    expect(findInMap(['Hosts', 'us-east-1', 'prod', { DefaultValue: { Ref: 'Env' } }])).toBe('prod');
  });

  it('refuses missing keys, listing those there are, and a mapping the template lacks', () => {
    expect(() => findInMap(['Hosts', 'eu-west-1', 'qa'])).toThrow(
      'Fn::FindInMap finds no "eu-west-1"/"qa" in the mapping "Hosts" (keys: eu-west-1)',
    );
    expect(() => findInMap(['Ports', 'a', 'b'])).toThrow(
      'Fn::FindInMap reads the mapping "Ports", which is not in Mappings',
    );
    expect(() => fnFindInMap(['Hosts', 'a', 'b'], undefined, resolve, resolveString)).toThrow(
      UnresolvableValueError,
    );
  });

  it('names the key that does not resolve to a string', () => {
    expect(() => findInMap(['Hosts', ['eu-west-1'], 'prod'])).toThrow(
      'Fn::FindInMap top-level key must resolve to a string',
    );
  });
});

describe('fnImportValue', () => {
  const imports = (name: string) => (name === 'shared-api-id' ? 'abc123' : undefined);

  it('gives the value another stack exports under the resolved name', () => {
    expect(fnImportValue('shared-api-id', imports, resolveString)).toBe('abc123');
  });

  it('refuses a name no stack exports, and every name when nothing is exported', () => {
    expect(() => fnImportValue('other', imports, resolveString)).toThrow(
      'Fn::ImportValue of "other": no stack of this assembly exports that name, so its value is not known locally',
    );
    expect(() => fnImportValue('shared-api-id', undefined, resolveString)).toThrow(UnresolvableValueError);
  });
});
