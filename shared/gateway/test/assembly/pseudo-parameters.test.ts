import { describe, expect, it } from 'vitest';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';

describe('localPseudoParameters', () => {
  it('reports a documentation account in us-east-1 when the environment names no region', () => {
    expect(localPseudoParameters({})).toEqual({
      region: 'us-east-1',
      accountId: '123456789012',
      partition: 'aws',
      urlSuffix: 'amazonaws.com',
    });
  });

  it('takes the region from AWS_REGION, then from AWS_DEFAULT_REGION', () => {
    expect(localPseudoParameters({ AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'ap-south-1' }).region).toBe(
      'eu-west-3',
    );
    expect(localPseudoParameters({ AWS_DEFAULT_REGION: 'ap-south-1' }).region).toBe('ap-south-1');
  });

  it('keeps the account, partition and URL suffix whatever the region', () => {
    const pseudo = localPseudoParameters({ AWS_REGION: 'cn-north-1' });
    expect(pseudo.accountId).toBe('123456789012');
    expect(pseudo.partition).toBe('aws');
    expect(pseudo.urlSuffix).toBe('amazonaws.com');
  });
});
