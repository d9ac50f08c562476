import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntrinsicResolver } from '../../src/assembly/intrinsics.js';
import type { LoadedStack } from '../../src/assembly/load-assembly.js';
import { localPseudoParameters } from '../../src/assembly/pseudo-parameters.js';

/** An `AWS::DynamoDB::Table` with a string partition key `id`, billed per request. */
export function itemsTable(tableName?: string): Record<string, unknown> {
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      ...(tableName ? { TableName: tableName } : {}),
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    },
  };
}

/** An `AWS::IAM::Role` API Gateway may assume. */
export const API_ROLE = {
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' } },
      ],
    },
  },
};

/** The `Uri` of a DynamoDB action, as CDK's `AwsIntegration` writes it. */
export function dynamoDbActionUri(action: string): unknown {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':apigateway:',
        { Ref: 'AWS::Region' },
        `:dynamodb:action/${action}`,
      ],
    ],
  };
}

/** A server on 127.0.0.1 that accepts requests and never answers them; for timeouts. */
export async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A stack of an in-memory template, with its resolver, as the gateway reads a template file. */
export function loadedStack(
  resources: Record<string, unknown>,
  stackName = 'test-stack',
): { stack: LoadedStack; resolver: IntrinsicResolver } {
  const stack: LoadedStack = {
    stackName,
    artifactId: stackName,
    templateFile: 'Test.template.json',
    template: { Resources: resources } as LoadedStack['template'],
    assets: new Map(),
    baseDir: '.',
  };
  const resolver = new IntrinsicResolver(stack.template, stackName, localPseudoParameters({}));
  return { stack, resolver };
}
