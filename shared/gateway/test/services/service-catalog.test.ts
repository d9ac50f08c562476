import { describe, expect, it } from 'vitest';
import { describeService, isAwsServiceName } from '../../src/services/service-catalog.js';

describe('the service catalog', () => {
  it('knows DynamoDB (JSON 1.0) and Kinesis (JSON 1.1), and nothing else', () => {
    expect(describeService('dynamodb')).toMatchObject({
      contentType: 'application/x-amz-json-1.0',
      targetPrefix: 'DynamoDB_20120810',
      endpointVariable: 'AWS_ENDPOINT_URL_DYNAMODB',
      embeddedServer: 'dynalite',
    });
    expect(describeService('kinesis')).toMatchObject({
      contentType: 'application/x-amz-json-1.1',
      targetPrefix: 'Kinesis_20131202',
      embeddedServer: 'kinesalite',
    });
    expect(isAwsServiceName('sqs')).toBe(false);
  });

  it('lists the data actions of each service', () => {
    expect(describeService('dynamodb').actions).toEqual(
      expect.arrayContaining([
        'PutItem',
        'GetItem',
        'Query',
        'Scan',
        'UpdateItem',
        'DeleteItem',
        'BatchWriteItem',
      ]),
    );
    expect(describeService('kinesis').actions).toEqual(
      expect.arrayContaining(['PutRecord', 'PutRecords', 'GetRecords']),
    );
  });
});
