/**
 * The AWS services the local gateway can call from an integration, with what it needs to speak their wire
 * protocol and the actions its embedded backends answer.
 * @module
 */

/** The services an integration may call locally. */
export type AwsServiceName = 'dynamodb' | 'kinesis';

/** How to reach one AWS service over its JSON protocol, and what the embedded backend answers. */
export interface AwsServiceDescription {
  /** The service's name in an integration URI (`arn:aws:apigateway:<region>:<name>:action/…`). */
  readonly name: AwsServiceName;
  /** The product name, for messages. */
  readonly title: string;
  /**
   * The media type of the service's JSON protocol: `application/x-amz-json-1.0` (DynamoDB) or
   * `application/x-amz-json-1.1` (Kinesis).
   * @see https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
   */
  readonly contentType: string;
  /** The prefix of the `X-Amz-Target` header: `<prefix>.<Action>`. */
  readonly targetPrefix: string;
  /** The actions the embedded backend answers, in the order its documentation lists them. */
  readonly actions: readonly string[];
  /**
   * The environment variable that points the service elsewhere — the one the AWS SDKs and the AWS CLI read
   * for a service-specific endpoint.
   * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
   */
  readonly endpointVariable: string;
  /** The npm package the gateway runs in memory as the service's embedded backend. */
  readonly embeddedServer: 'dynalite' | 'kinesalite';
}

/**
 * Every service an integration may call, by name.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html
 * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Operations.html
 */
export const SERVICE_CATALOG: ReadonlyMap<AwsServiceName, AwsServiceDescription> = new Map([
  [
    'dynamodb',
    {
      name: 'dynamodb',
      title: 'DynamoDB',
      contentType: 'application/x-amz-json-1.0',
      targetPrefix: 'DynamoDB_20120810',
      actions: [
        'BatchGetItem',
        'BatchWriteItem',
        'CreateTable',
        'DeleteItem',
        'DeleteTable',
        'DescribeTable',
        'DescribeTimeToLive',
        'GetItem',
        'ListTables',
        'ListTagsOfResource',
        'PutItem',
        'Query',
        'Scan',
        'TagResource',
        'UntagResource',
        'UpdateItem',
        'UpdateTable',
      ],
      endpointVariable: 'AWS_ENDPOINT_URL_DYNAMODB',
      embeddedServer: 'dynalite',
    },
  ],
  [
    'kinesis',
    {
      name: 'kinesis',
      title: 'Kinesis Data Streams',
      contentType: 'application/x-amz-json-1.1',
      targetPrefix: 'Kinesis_20131202',
      actions: [
        'AddTagsToStream',
        'CreateStream',
        'DecreaseStreamRetentionPeriod',
        'DeleteStream',
        'DescribeStream',
        'DescribeStreamSummary',
        'GetRecords',
        'GetShardIterator',
        'IncreaseStreamRetentionPeriod',
        'ListShards',
        'ListStreams',
        'ListTagsForStream',
        'MergeShards',
        'PutRecord',
        'PutRecords',
        'RemoveTagsFromStream',
        'SplitShard',
      ],
      endpointVariable: 'AWS_ENDPOINT_URL_KINESIS',
      embeddedServer: 'kinesalite',
    },
  ],
]);

/** Whether `name` is a service the gateway can call. */
export function isAwsServiceName(name: string): name is AwsServiceName {
  return SERVICE_CATALOG.has(name as AwsServiceName);
}

/** The description of a service the gateway can call. */
export function describeService(name: AwsServiceName): AwsServiceDescription {
  return SERVICE_CATALOG.get(name)!;
}
