import { describe, expect, it } from 'vitest';
import { readStreamDefinitions } from '../../src/services/kinesis-streams.js';
import { loadedStack } from './fixtures.js';

describe('readStreamDefinitions', () => {
  it('reads the name and the shard count of a provisioned stream', () => {
    const { stack, resolver } = loadedStack({
      Events: { Type: 'AWS::Kinesis::Stream', Properties: { Name: 'events', ShardCount: 2 } },
    });

    expect(readStreamDefinitions(stack, resolver)).toEqual([
      { logicalId: 'Events', input: { StreamName: 'events', ShardCount: 2 } },
    ]);
  });

  it('names an unnamed stream as its Ref resolves, and gives an on-demand stream 4 shards', () => {
    const { stack, resolver } = loadedStack({
      Events: {
        Type: 'AWS::Kinesis::Stream',
        Properties: { StreamModeDetails: { StreamMode: 'ON_DEMAND' } },
      },
    });

    expect(readStreamDefinitions(stack, resolver)[0]?.input).toEqual({
      StreamName: 'test-stack-Events',
      ShardCount: 4,
    });
  });

  it('gives a stream without a mode or count one shard', () => {
    const { stack, resolver } = loadedStack({ Events: { Type: 'AWS::Kinesis::Stream', Properties: {} } });

    expect(readStreamDefinitions(stack, resolver)[0]?.input.ShardCount).toBe(1);
  });
});

describe('readStreamDefinitions on a stream with conditional encryption', () => {
  it('reads the stream without resolving the properties it does not need', () => {
    const { stack, resolver } = loadedStack({
      Events: {
        Type: 'AWS::Kinesis::Stream',
        Properties: {
          ShardCount: 1,
          StreamEncryption: {
            'Fn::If': ['EncryptionSupported', { EncryptionType: 'KMS' }, { Ref: 'AWS::NoValue' }],
          },
        },
      },
    });

    expect(readStreamDefinitions(stack, resolver)[0]?.input.ShardCount).toBe(1);
  });
});
