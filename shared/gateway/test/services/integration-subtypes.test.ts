import { describe, expect, it } from 'vitest';
import { AWS_INTEGRATION_SUBTYPES, SUPPORTED_SUBTYPES } from '../../src/services/integration-subtypes.js';

describe('Kinesis-PutRecord', () => {
  const putRecord = SUPPORTED_SUBTYPES.get('Kinesis-PutRecord')!;

  it('calls PutRecord with StreamName, Data and PartitionKey required', () => {
    expect(putRecord).toMatchObject({
      service: 'kinesis',
      action: 'PutRecord',
      required: ['StreamName', 'Data', 'PartitionKey'],
    });
  });

  it('base64-encodes Data for the wire and leaves Region out of the input', () => {
    const input = putRecord.input(
      new Map([
        ['StreamName', 's'],
        ['Data', '{"a":"é"}'],
        ['PartitionKey', 'p'],
        ['Region', 'eu-west-1'],
      ]),
    );

    expect(input).toEqual({
      StreamName: 's',
      Data: Buffer.from('{"a":"é"}').toString('base64'),
      PartitionKey: 'p',
    });
  });

  it('is one of the subtypes API Gateway defines', () => {
    for (const subtype of SUPPORTED_SUBTYPES.keys()) expect(AWS_INTEGRATION_SUBTYPES).toContain(subtype);
  });
});
