import { describe, expect, it } from 'vitest';
import { buildContextVariable, CONTEXT_KEYS } from '../../src/vtl/context-variable.js';
import { emptyOverrides, openOverrides } from '../../src/vtl/mapping-overrides.js';
import { render } from './render-template.js';

describe('buildContextVariable', () => {
  it('lists the recorded keys first, then the caller’s other keys in its order', () => {
    const context = buildContextVariable(
      { authorizer: { principalId: 'u1' }, stage: 'prod', error: { message: 'x' } },
      openOverrides(emptyOverrides()),
    );
    expect(Object.keys(context)).toEqual([...CONTEXT_KEYS, 'authorizer', 'error']);
    expect(context.stage).toBe('prod');
    expect(context.apiId).toBeNull();
  });

  it('lists the identity keys the caller adds after the recorded ones', () => {
    expect(
      render('$context.identity.keySet()', { context: { identity: { cognitoAmr: null, sourceIp: '1' } } }),
    ).toBe(
      '[cognitoIdentityPoolId, accountId, cognitoIdentityId, caller, sourceIp, principalOrgId, accessKey, ' +
        'cognitoAuthenticationType, cognitoAuthenticationProvider, userArn, userAgent, user, cognitoAmr]',
    );
  });

  it('reads nested values of the caller’s maps, which print as nothing', () => {
    const context = { authorizer: { claims: { sub: 'abc' }, principalId: 'u1' } };
    expect(
      render('$context.authorizer.principalId|$context.authorizer.claims.sub|$context.authorizer|', {
        context,
      }),
    ).toBe('u1|abc||');
  });

  it('ignores requestOverride and responseOverride given in the values', () => {
    const context = { responseOverride: { header: { injected: 'x' } } };
    expect(render('[$context.responseOverride.header.injected]', { context })).toBe('[]');
  });
});
