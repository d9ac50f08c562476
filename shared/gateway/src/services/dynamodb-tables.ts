import type { IntrinsicResolver } from '../assembly/intrinsics.js';
import type { LoadedStack } from '../assembly/load-assembly.js';

/** A `CreateTable` request for one `AWS::DynamoDB::Table` of a template. */
export interface TableDefinition {
  /** The resource that declares the table, for messages. */
  readonly logicalId: string;
  /** The `CreateTable` input, in DynamoDB's JSON: `TableName`, `KeySchema`, `AttributeDefinitions`, … */
  readonly input: Readonly<Record<string, unknown>>;
}

const PROVISIONED_PROPERTIES = [
  'KeySchema',
  'AttributeDefinitions',
  'BillingMode',
  'ProvisionedThroughput',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
] as const;

/** What a `PROVISIONED` table gets locally when the template gives no throughput (CloudFormation requires one). */
const DEFAULT_THROUGHPUT = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };

/**
 * Reads the `AWS::DynamoDB::Table` resources of a stack as `CreateTable` requests: the resolved table name
 * (the template's `TableName`, else the name the gateway gives the resource), `KeySchema`,
 * `AttributeDefinitions`, `BillingMode`, `ProvisionedThroughput`, and the global and local secondary indexes
 * with their key schemas and projections. Streams, TTL, encryption, tags and backups change nothing a local
 * request can observe and are left out.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
 */
export function readTableDefinitions(stack: LoadedStack, resolver: IntrinsicResolver): TableDefinition[] {
  const tables: TableDefinition[] = [];
  for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    // Only the properties a local table needs are resolved: the others may hold intrinsics (`Fn::If` on a
    // condition, say) that have no local value.
    const raw = resource.Properties ?? {};
    const props: Record<string, unknown> = {};
    for (const key of PROVISIONED_PROPERTIES)
      if (raw[key] !== undefined) props[key] = resolver.resolve(raw[key]);
    const billingMode = props.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
    const throughput = (value: unknown) =>
      billingMode === 'PROVISIONED' ? { ProvisionedThroughput: value ?? DEFAULT_THROUGHPUT } : {};
    const input: Record<string, unknown> = {
      TableName: resolver.ref(logicalId),
      KeySchema: props.KeySchema,
      AttributeDefinitions: props.AttributeDefinitions,
      BillingMode: billingMode,
      ...throughput(props.ProvisionedThroughput),
    };
    const globalIndexes = props.GlobalSecondaryIndexes as Array<Record<string, unknown>> | undefined;
    if (globalIndexes?.length) {
      input.GlobalSecondaryIndexes = globalIndexes.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
        ...throughput(index.ProvisionedThroughput),
      }));
    }
    const localIndexes = props.LocalSecondaryIndexes as Array<Record<string, unknown>> | undefined;
    if (localIndexes?.length) {
      input.LocalSecondaryIndexes = localIndexes.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
      }));
    }
    tables.push({ logicalId, input });
  }
  return tables;
}
