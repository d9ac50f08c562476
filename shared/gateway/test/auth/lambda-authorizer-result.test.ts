import { describe, expect, it } from 'vitest';
import { readPolicyResult, readSimpleResult } from '../../src/auth/lambda-authorizer-result.js';

const POLICY = { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }] };

describe('readPolicyResult', () => {
  it('reads principalId, the policy, context and usageIdentifierKey', () => {
    const result = readPolicyResult(
      JSON.stringify({
        principalId: 'me',
        policyDocument: POLICY,
        context: { a: 'x', n: 1, b: true },
        usageIdentifierKey: 'key',
      }),
      true,
    );

    expect('invalid' in result).toBe(false);
    if ('invalid' in result) return;
    expect(result.principalId).toBe('me');
    expect(result.context).toEqual({ a: 'x', n: 1, b: true });
    expect(result.usageIdentifierKey).toBe('key');
    expect(result.policy.evaluate('arn:aws:execute-api:r:a:api/prod/GET/')).toBe('allow');
  });

  it.each([
    ['null', 'Authorizer result body before parsing: null'],
    ['"Allow"', 'Authorizer result body before parsing: "Allow"'],
    ['not json', 'the result is not JSON: not json'],
    ['{"principalId":"me"}', 'Could not parse policy: policyDocument must be an object, got nothing'],
    [JSON.stringify({ policyDocument: POLICY, principalId: 7 }), 'principalId must be a string, got 7'],
    [JSON.stringify({ policyDocument: POLICY, context: [] }), 'context must be an object, got []'],
  ])('refuses %s', (payload, invalid) => {
    expect(readPolicyResult(payload, true)).toEqual({ invalid });
  });

  it('refuses an object or a list in a flat context, and keeps them otherwise', () => {
    const payload = JSON.stringify({ policyDocument: POLICY, context: { list: [1] } });

    expect(readPolicyResult(payload, true)).toEqual({
      invalid: 'context.list is [1]; a context value must be a string, a number or a boolean',
    });
    expect('invalid' in readPolicyResult(payload, false)).toBe(false);
  });
});

describe('readSimpleResult', () => {
  it('reads isAuthorized and a context of any JSON values', () => {
    expect(readSimpleResult('{"isAuthorized":true,"context":{"map":{"a":1}}}')).toEqual({
      kind: 'simple',
      isAuthorized: true,
      context: { map: { a: 1 } },
    });
  });

  it('refuses an answer without a boolean isAuthorized', () => {
    expect(readSimpleResult('{"isAuthorized":"true"}')).toEqual({
      invalid: 'isAuthorized must be true or false, got "true"',
    });
  });
});
