import { describe, expect, it } from 'vitest';
import { readTableDefinitions } from '../../src/services/dynamodb-tables.js';
import { itemsTable, loadedStack } from './fixtures.js';

describe('readTableDefinitions', () => {
  it('gives a table without a TableName the name the gateway resolves its Ref to', () => {
    const { stack, resolver } = loadedStack({ Items: itemsTable() });

    const [table] = readTableDefinitions(stack, resolver);

    expect(table?.logicalId).toBe('Items');
    expect(table?.input.TableName).toBe(resolver.ref('Items'));
    expect(table?.input.TableName).toMatch(/^test-stack-Items-[A-Z0-9]{12}$/);
  });

  it('keeps the key schema, attributes and billing mode of a table billed per request', () => {
    const { stack, resolver } = loadedStack({ Items: itemsTable('items') });

    expect(readTableDefinitions(stack, resolver)[0]?.input).toEqual({
      TableName: 'items',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('gives a provisioned table and its indexes a throughput, and keeps the index projections', () => {
    const { stack, resolver } = loadedStack({
      Orders: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub's own ${} syntax, not a template literal
          TableName: { 'Fn::Sub': '${AWS::StackName}-orders' },
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'status', AttributeType: 'S' },
          ],
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
          GlobalSecondaryIndexes: [
            {
              IndexName: 'byStatus',
              KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
          LocalSecondaryIndexes: [
            {
              IndexName: 'byStatusLocal',
              KeySchema: [
                { AttributeName: 'pk', KeyType: 'HASH' },
                { AttributeName: 'status', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          ],
          StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        },
      },
    });

    const input = readTableDefinitions(stack, resolver)[0]?.input;

    expect(input).toMatchObject({
      TableName: 'test-stack-orders',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          Projection: { ProjectionType: 'ALL' },
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        },
      ],
      LocalSecondaryIndexes: [{ IndexName: 'byStatusLocal', Projection: { ProjectionType: 'KEYS_ONLY' } }],
    });
    expect(input).not.toHaveProperty('StreamSpecification');
  });

  it('reads nothing from a stack without tables', () => {
    const { stack, resolver } = loadedStack({ Queue: { Type: 'AWS::SQS::Queue', Properties: {} } });

    expect(readTableDefinitions(stack, resolver)).toEqual([]);
  });
});
