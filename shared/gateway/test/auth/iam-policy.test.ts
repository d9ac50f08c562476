import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, compilePolicy, wildcardRegex } from '../../src/auth/iam-policy.js';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/pets/42';

function policy(...statements: unknown[]): CompiledPolicy {
  const compiled = compilePolicy({ Version: '2012-10-17', Statement: statements });
  if ('invalid' in compiled) throw new Error(compiled.invalid);
  return compiled;
}

const allow = (Resource: unknown, Action: unknown = 'execute-api:Invoke') => ({
  Effect: 'Allow',
  Action,
  Resource,
});
const deny = (Resource: unknown) => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource });

describe('compilePolicy', () => {
  it('allows an ARN a statement names exactly', () => {
    expect(policy(allow(ARN)).evaluate(ARN)).toBe('allow');
  });

  it('denies implicitly when no statement names the ARN', () => {
    expect(policy(allow(ARN.replace('GET', 'POST'))).evaluate(ARN)).toBe('implicit-deny');
  });

  it('lets an explicit Deny win over any Allow, whatever their order', () => {
    expect(policy(allow('*'), deny(ARN)).evaluate(ARN)).toBe('explicit-deny');
    expect(policy(deny(ARN), allow('*')).evaluate(ARN)).toBe('explicit-deny');
  });

  it('matches * across slashes and ? as one character', () => {
    expect(policy(allow('arn:aws:execute-api:*:*:a1b2c3/prod/*')).evaluate(ARN)).toBe('allow');
    expect(
      policy(allow('arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/pets/4?')).evaluate(ARN),
    ).toBe('allow');
    expect(
      policy(allow('arn:aws:execute-api:us-east-1:123456789012:a1b2c3/prod/GET/pets/?')).evaluate(ARN),
    ).toBe('implicit-deny');
  });

  it('matches resources with regard to case and actions without', () => {
    expect(policy(allow(ARN.toUpperCase())).evaluate(ARN)).toBe('implicit-deny');
    expect(policy(allow(ARN, 'EXECUTE-API:invoke')).evaluate(ARN)).toBe('allow');
    expect(policy(allow(ARN, 'execute-api:*')).evaluate(ARN)).toBe('allow');
    expect(policy(allow(ARN, ['s3:GetObject', '*'])).evaluate(ARN)).toBe('allow');
  });

  it('ignores a statement about another action', () => {
    expect(policy(allow(ARN, 'execute-api:ManageConnections')).evaluate(ARN)).toBe('implicit-deny');
  });

  it('reads NotResource and NotAction as everything but the patterns', () => {
    expect(policy({ Effect: 'Allow', Action: '*', NotResource: '*/POST/*' }).evaluate(ARN)).toBe('allow');
    expect(policy({ Effect: 'Deny', NotAction: 's3:*', Resource: '*' }).evaluate(ARN)).toBe('explicit-deny');
  });

  it('takes one statement object as well as a list', () => {
    const compiled = compilePolicy({ Statement: allow([ARN]) });

    expect('invalid' in compiled ? compiled.invalid : compiled.evaluate(ARN)).toBe('allow');
  });

  it.each([
    [null, 'policyDocument must be an object, got null'],
    [{}, 'policyDocument has no Statement'],
    [
      { Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] },
      'Statement[0].Effect must be "Allow" or "Deny", got "allow"',
    ],
    [
      { Statement: [{ Effect: 'Allow', Resource: '*' }] },
      'Statement[0] must have exactly one of Action and NotAction',
    ],
    [
      { Statement: [{ Effect: 'Allow', Action: '*', Resource: 42 }] },
      'Statement[0].Resource must be a string or a list of strings',
    ],
    [
      { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: {} } }] },
      'Statement[0] has a Condition, which the local gateway does not evaluate',
    ],
  ])('refuses %j: %s', (document, message) => {
    expect(compilePolicy(document)).toEqual({ invalid: message });
  });
});

describe('wildcardRegex', () => {
  it('escapes every regular expression character but * and ?', () => {
    expect(wildcardRegex('a.b+(c)').test('a.b+(c)')).toBe(true);
    expect(wildcardRegex('a.b').test('axb')).toBe(false);
  });
});
