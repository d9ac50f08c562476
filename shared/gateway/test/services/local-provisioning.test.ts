import { describe, expect, it } from 'vitest';
import type { GatewayLogger } from '../../src/logging/gateway-logger.js';
import type { HttpTransport } from '../../src/services/http-transport.js';
import type { StreamDefinition } from '../../src/services/kinesis-streams.js';
import { LocalProvisioner } from '../../src/services/local-provisioning.js';

const base = new URL('http://127.0.0.1:4567/');

/** A transport answering each X-Amz-Target with the given status and body, recording the targets. */
function transport(answers: Record<string, [number, unknown]>, targets: string[]): HttpTransport {
  return {
    send: async (_url: URL, request: { headers: Record<string, string> }) => {
      const target = request.headers['X-Amz-Target'] ?? '';
      targets.push(target);
      const [status, body] = answers[target] ?? [400, { __type: 'UnknownOperationException' }];
      return { status, headers: [], body: JSON.stringify(body) };
    },
  } as unknown as HttpTransport;
}

function provisioner(answers: Record<string, [number, unknown]>, targets: string[], errors: string[]) {
  const logger: GatewayLogger = {
    verbose: false,
    info: () => {},
    debug: () => {},
    error: (line) => errors.push(line),
  };
  return new LocalProvisioner(transport(answers, targets), logger, (service) => ({
    kind: 'embedded',
    service,
  }));
}

describe('LocalProvisioner', () => {
  it('creates each table, waits until DynamoDB says ACTIVE, and names what it created', async () => {
    const targets: string[] = [];
    const created = await provisioner(
      {
        'DynamoDB_20120810.CreateTable': [200, {}],
        'DynamoDB_20120810.DescribeTable': [200, { Table: { TableStatus: 'ACTIVE' } }],
      },
      targets,
      [],
    ).createTables(base, 'us-east-1', [{ logicalId: 'Items', input: { TableName: 'items' } }]);

    expect(created).toEqual(['table items']);
    expect(targets).toEqual(['DynamoDB_20120810.CreateTable', 'DynamoDB_20120810.DescribeTable']);
  });

  it('keeps a stream that already exists, and logs and skips one the backend refuses', async () => {
    const errors: string[] = [];
    const streams: StreamDefinition[] = [
      { logicalId: 'Events', input: { StreamName: 'events', ShardCount: 1 } },
    ];
    const existing = await provisioner(
      {
        'Kinesis_20131202.CreateStream': [400, { __type: 'ResourceInUseException' }],
        'Kinesis_20131202.DescribeStreamSummary': [
          200,
          { StreamDescriptionSummary: { StreamStatus: 'ACTIVE' } },
        ],
      },
      [],
      errors,
    ).createStreams(base, 'us-east-1', streams);
    expect(existing).toEqual(['stream events']);

    const refused = await provisioner(
      { 'Kinesis_20131202.CreateStream': [400, { __type: 'ValidationException' }] },
      [],
      errors,
    ).createStreams(base, 'us-east-1', streams);
    expect(refused).toEqual([]);
    expect(errors).toEqual([
      'kinesis: stream events (Events) could not be created: 400 {"__type":"ValidationException"}',
    ]);
  });
});
