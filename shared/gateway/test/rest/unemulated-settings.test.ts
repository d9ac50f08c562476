import { describe, expect, it } from 'vitest';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';
import { findUnemulatedSettings } from '../../src/rest/unemulated-settings.js';

const resolver = new IntrinsicResolver({ Resources: {} }, 's', localPseudoParameters({}));
const find = (
  props: Record<string, unknown>,
  mine: Array<[string, { Type: string; Properties?: Record<string, unknown> }]> = [],
) => findUnemulatedSettings('Api', props, mine, resolver);

const allowEveryone = {
  Effect: 'Allow',
  Principal: '*',
  Action: 'execute-api:Invoke',
  Resource: 'execute-api:/*',
};

describe('settings the gateway refuses rather than ignores', () => {
  it('accepts a resource policy that lets everyone invoke everything, as a string or an object', () => {
    expect(find({ Policy: { Version: '2012-10-17', Statement: [allowEveryone] } })).toEqual([]);
    expect(
      find({ Policy: JSON.stringify({ Statement: { ...allowEveryone, Principal: { AWS: '*' } } }) }),
    ).toEqual([]);
  });

  it('refuses a resource policy with a Deny, a Condition or a narrower principal, saying which statement', () => {
    const ipDeny = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'execute-api:Invoke',
      Condition: { NotIpAddress: {} },
    };
    expect(find({ Policy: { Statement: [allowEveryone, ipDeny] } })[0]!.message).toContain(
      'has statement 1 with Effect "Deny"',
    );
    expect(find({ Policy: { Statement: [{ ...allowEveryone, Condition: {} }] } })[0]!.message).toContain(
      'with a Condition',
    );
    expect(
      find({ Policy: { Statement: [{ ...allowEveryone, Principal: { AWS: 'arn:aws:iam::1:root' } }] } })[0]!
        .message,
    ).toContain('not everyone');
  });

  it('refuses CloneFrom and canary settings, naming the resource', () => {
    expect(find({ CloneFrom: 'abc' })[0]!.resource).toBe('Api');
    const found = find({}, [
      ['Stage', { Type: 'AWS::ApiGateway::Stage', Properties: { CanarySetting: { PercentTraffic: 10 } } }],
    ]);
    expect(found).toEqual([{ resource: 'Stage', message: expect.stringContaining('canary') }]);
    expect(
      find({}, [
        ['Dep', { Type: 'AWS::ApiGateway::Deployment', Properties: { DeploymentCanarySettings: {} } }],
      ]),
    ).toHaveLength(1);
  });
});
