import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceBackends, type ServiceRequest } from '../../src/services/service-backends.js';
import { resolveServiceEndpoints } from '../../src/services/service-endpoints.js';
import { recordingLogger } from '../support/serve.js';
import { closedPort } from './fixtures.js';

const TABLE = {
  logicalId: 'Items',
  input: {
    TableName: 'items',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  },
};

function dynamoDb(action: string, input: unknown): ServiceRequest {
  return {
    service: 'dynamodb',
    region: 'us-east-1',
    method: 'POST',
    path: '/',
    headers: [
      ['Content-Type', 'application/x-amz-json-1.0'],
      ['X-Amz-Target', `DynamoDB_20120810.${action}`],
    ],
    body: JSON.stringify(input),
    timeoutMs: 5_000,
    requestId: 'test',
  };
}

const opened: ServiceBackends[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((backends) => backends.close()));
});

function backends(settings = {}, logger = recordingLogger()): ServiceBackends {
  const created = new ServiceBackends(resolveServiceEndpoints(settings, {}), logger);
  opened.push(created);
  return created;
}

describe('ServiceBackends', () => {
  it('creates the declared tables in the embedded backend before its first request', async () => {
    const services = backends();
    services.provision({ tables: [TABLE], streams: [] });

    const put = await services.send(dynamoDb('PutItem', { TableName: 'items', Item: { id: { S: 'a' } } }));
    const got = await services.send(dynamoDb('GetItem', { TableName: 'items', Key: { id: { S: 'a' } } }));

    expect(put).toMatchObject({ kind: 'response', status: 200, body: '{}' });
    expect(got).toMatchObject({ kind: 'response', status: 200, body: '{"Item":{"id":{"S":"a"}}}' });
  });

  it("answers with the service's error as a response, status and body as sent", async () => {
    const services = backends();

    const outcome = await services.send(
      dynamoDb('GetItem', { TableName: 'missing', Key: { id: { S: 'a' } } }),
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 400 });
    expect(outcome.kind === 'response' && JSON.parse(outcome.body).__type).toContain(
      'ResourceNotFoundException',
    );
  });

  it('creates a table declared after the backend started before the next request', async () => {
    const services = backends();
    await services.send(dynamoDb('ListTables', {}));
    services.provision({ tables: [TABLE], streams: [] });

    const listed = await services.send(dynamoDb('ListTables', {}));

    expect(listed).toMatchObject({ kind: 'response', body: '{"TableNames":["items"]}' });
  });

  it('logs where the backend runs and what it created, once', async () => {
    const logger = recordingLogger();
    const services = backends({}, logger);
    services.provision({ tables: [TABLE], streams: [] });

    await Promise.all([services.send(dynamoDb('ListTables', {})), services.send(dynamoDb('ListTables', {}))]);

    const started = logger.lines.filter((line) => line.startsWith('dynamodb: embedded dynalite at'));
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/^dynamodb: embedded dynalite at http:\/\/127\.0\.0\.1:\d+, with table items/);
  });

  it('logs a table the backend refuses to create, and carries on', async () => {
    const logger = recordingLogger();
    const services = backends({}, logger);
    services.provision({ tables: [{ logicalId: 'Broken', input: { TableName: 'broken' } }], streams: [] });

    const outcome = await services.send(dynamoDb('ListTables', {}));

    expect(outcome).toMatchObject({ kind: 'response', status: 200, body: '{"TableNames":[]}' });
    expect(
      logger.lines.some((line) =>
        line.startsWith('dynamodb: table broken (Broken) could not be created: 400'),
      ),
    ).toBe(true);
  });

  it('reports an endpoint that cannot be reached, naming it, without throwing', async () => {
    const port = await closedPort();
    const services = backends({ dynamodb: `http://127.0.0.1:${port}` });

    const outcome = await services.send(dynamoDb('ListTables', {}));

    expect(outcome.kind).toBe('unreachable');
    expect(outcome.kind === 'unreachable' && outcome.reason).toContain(`127.0.0.1:${port}`);
  });

  it('stops the embedded backend on close', async () => {
    const services = new ServiceBackends(resolveServiceEndpoints(undefined, {}), recordingLogger());
    const url = await services.baseUrl('dynamodb', 'us-east-1');

    await services.close();

    await expect(request(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    await expect(services.baseUrl('dynamodb', 'us-east-1')).rejects.toThrow('the gateway is closing');
  });

  it('sends a service pointed at aws to its regional endpoint, without starting anything', async () => {
    const services = new ServiceBackends(
      resolveServiceEndpoints({ kinesis: 'aws' }, { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }),
      recordingLogger(),
    );

    expect((await services.baseUrl('kinesis', 'eu-central-1')).href).toBe(
      'https://kinesis.eu-central-1.amazonaws.com/',
    );
    await services.close();
  });
});
