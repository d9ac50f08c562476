// The requests the benchmark sends straight to each embedded service backend: the one that creates what it
// writes to, and the write it measures (the same operation the chapter's service integration makes). The
// backends check that a request is signed, not the signature.

const SIGNED = (service) => ({
  authorization:
    `AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261203/us-east-1/${service}/aws4_request, ` +
    'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000',
  'x-amz-date': '20261203T000000Z',
});

const dynamodb = (target) => ({
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': `DynamoDB_20120810.${target}`,
  ...SIGNED('dynamodb'),
});
const kinesis = (target) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `Kinesis_20131202.${target}`,
  ...SIGNED('kinesis'),
});

/** Each backend: the path it stands behind, how to prepare it, and the write measured. */
export const BACKEND_REQUESTS = {
  dynalite: {
    path: 'REST service-integration POST (DynamoDB)',
    create: {
      headers: dynamodb('CreateTable'),
      body: JSON.stringify({
        TableName: 'bench-table',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    },
    write: {
      headers: dynamodb('PutItem'),
      body: JSON.stringify({
        TableName: 'bench-table',
        Item: { id: { S: 'bench' }, text: { S: 'written by the benchmark' } },
      }),
    },
  },
  kinesalite: {
    path: 'HTTP API service-integration POST (Kinesis)',
    create: {
      headers: kinesis('CreateStream'),
      body: JSON.stringify({ StreamName: 'bench-stream', ShardCount: 1 }),
    },
    write: {
      headers: kinesis('PutRecord'),
      body: JSON.stringify({
        StreamName: 'bench-stream',
        PartitionKey: 'bench',
        Data: Buffer.from('{"itemId":"bench","text":"written by the benchmark"}').toString('base64'),
      }),
    },
  },
};
