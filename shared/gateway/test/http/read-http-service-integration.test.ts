import { describe, expect, it } from 'vitest';
import { readHttpServiceIntegration } from '../../src/http/read-http-service-integration.js';

const fail = (message: string): never => {
  throw new Error(message);
};
const read = (props: Record<string, unknown>) =>
  readHttpServiceIntegration('Put', props, 30_000, 'abc123', fail);
const putRecord = {
  IntegrationSubtype: 'Kinesis-PutRecord',
  PayloadFormatVersion: '1.0',
  CredentialsArn: 'arn:aws:iam::123456789012:role/R',
  RequestParameters: { StreamName: 'events', Data: '$request.body', PartitionKey: '$request.header.x-id' },
};

describe('readHttpServiceIntegration', () => {
  it('reads a subtype the gateway serves, with its mapped parameters and credentials', () => {
    const integration = read(putRecord);
    expect(integration).toMatchObject({
      kind: 'service',
      integrationId: 'abc123',
      credentials: 'arn:aws:iam::123456789012:role/R',
    });
    expect(integration.parameters.map(([key]) => key)).toEqual(['StreamName', 'Data', 'PartitionKey']);
  });

  it('tells a subtype without a local backend from one API Gateway does not define', () => {
    expect(() => read({ ...putRecord, IntegrationSubtype: 'SQS-SendMessage' })).toThrow(
      /"SQS-SendMessage" has no local backend/,
    );
    expect(() => read({ ...putRecord, IntegrationSubtype: 'Nope-Do' })).toThrow(
      /"Nope-Do" is not a subtype API Gateway defines/,
    );
  });

  it('refuses an unknown parameter, a missing required one and a payload format other than 1.0', () => {
    expect(() =>
      read({ ...putRecord, RequestParameters: { ...putRecord.RequestParameters, Shard: 'x' } }),
    ).toThrow(/"Shard", which is not a parameter of Kinesis-PutRecord/);
    expect(() => read({ ...putRecord, RequestParameters: { StreamName: 'events' } })).toThrow(
      'the Kinesis-PutRecord integration must map Data, PartitionKey in RequestParameters',
    );
    expect(() => read({ ...putRecord, PayloadFormatVersion: '2.0' })).toThrow(/must be "1.0"/);
  });
});
