import { createServer } from 'node:net';
import { silentLogger, startGateway } from '@cors-workshop/gateway';
import { gatewayTest, sharedAssembly } from '@cors-workshop/testing';
import { request } from 'undici';
import { describe, expect, it as plainIt } from 'vitest';

const REST_API = 'ItemsRestApi10ACB999';
const HTTP_API = 'EventsHttpApiA4975F19';
const PAGE_ORIGIN = 'http://localhost:5173';
const JSON_FROM_PAGE = { 'content-type': 'application/json', origin: PAGE_ORIGIN };

/** The stack, with DynamoDB and Kinesis on the gateway's embedded backends. */
const it = gatewayTest({ source: sharedAssembly, logger: silentLogger });

async function exchange(
  url: string,
  method: 'GET' | 'POST' | 'OPTIONS',
  headers: Record<string, string> = {},
  body?: string,
) {
  const response = await request(url, { method, headers, body });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** The response headers whose name starts with `access-control-`, by name. */
function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
}

describe('ItemsRestApi: DynamoDB behind a REST API, no Lambda', () => {
  it('reads back with GET what a POST wrote', async ({ gateway }) => {
    const items = `${gateway.urlOf(REST_API)}items`;
    const written = await exchange(items, 'POST', JSON_FROM_PAGE, '{"id":"bread","text":"Buy bread"}');

    const { status, body } = await exchange(items, 'GET', { origin: PAGE_ORIGIN });

    expect(written.status).toBe(201);
    expect(status).toBe(200);
    expect(JSON.parse(body).items).toContainEqual({ id: 'bread', text: 'Buy bread' });
  });

  it('replaces an item written again under the same id, as PutItem does', async ({ gateway }) => {
    const items = `${gateway.urlOf(REST_API)}items`;
    await exchange(items, 'POST', JSON_FROM_PAGE, '{"id":"jam","text":"Buy jam"}');
    await exchange(items, 'POST', JSON_FROM_PAGE, '{"id":"jam","text":"Buy two jars of jam"}');

    const { body } = await exchange(items, 'GET');
    const jams = (JSON.parse(body).items as Array<{ id: string }>).filter((item) => item.id === 'jam');

    expect(jams).toEqual([{ id: 'jam', text: 'Buy two jars of jam' }]);
  });

  it('keeps quotes and backslashes of the data valid JSON, thanks to $input.json', async ({ gateway }) => {
    const items = `${gateway.urlOf(REST_API)}items`;
    const text = 'a "quoted" \\ back\\slash and an apostrophe\'s';
    await exchange(items, 'POST', JSON_FROM_PAGE, JSON.stringify({ id: 'odd', text }));

    const { body } = await exchange(items, 'GET');

    expect(JSON.parse(body).items).toContainEqual({ id: 'odd', text });
  });

  it('answers the preflight with the three CORS headers a JSON POST needs', async ({ gateway }) => {
    const { status, headers } = await exchange(`${gateway.urlOf(REST_API)}items`, 'OPTIONS', {
      origin: PAGE_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
      'access-control-allow-headers':
        'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
    });
  });

  it('answers a body without an id with the mapped 400, which carries the CORS header', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(
      `${gateway.urlOf(REST_API)}items`,
      'POST',
      JSON_FROM_PAGE,
      '{"text":"nameless"}',
    );

    expect(status).toBe(400);
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(JSON.parse(body)).toEqual({ message: 'The item was refused', error: 'ValidationException' });
  });

  it('answers a body that is not JSON with a 500 the DEFAULT_5XX gateway response makes readable', async ({
    gateway,
  }) => {
    const { status, headers, body } = await exchange(
      `${gateway.urlOf(REST_API)}items`,
      'POST',
      JSON_FROM_PAGE,
      'id=milk',
    );

    expect(status).toBe(500);
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(body).toBe('{"message":"Internal server error"}');
  });

  it('answers an unknown path with 403, readable through the DEFAULT_4XX gateway response', async ({
    gateway,
  }) => {
    const { status, headers } = await exchange(`${gateway.urlOf(REST_API)}nothing`, 'GET', {
      origin: PAGE_ORIGIN,
    });

    expect(status).toBe(403);
    expect(headers['access-control-allow-origin']).toBe('*');
  });
});

describe('EventsHttpApi: Kinesis behind an HTTP API, no Lambda', () => {
  it('answers the preflight from its CorsConfiguration', async ({ gateway }) => {
    const { status, headers } = await exchange(`${gateway.urlOf(HTTP_API)}events`, 'OPTIONS', {
      origin: PAGE_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });

    expect(status).toBe(204);
    expect(corsHeaders(headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });
  });

  it("answers the put with Kinesis's own answer and the configured CORS header", async ({ gateway }) => {
    const { status, headers, body } = await exchange(
      `${gateway.urlOf(HTTP_API)}events`,
      'POST',
      JSON_FROM_PAGE,
      '{"itemId":"bread","type":"saved"}',
    );

    expect(status).toBe(200);
    expect(corsHeaders(headers)).toEqual({ 'access-control-allow-origin': '*' });
    expect(JSON.parse(body)).toEqual({ ShardId: 'shardId-000000000000', SequenceNumber: expect.any(String) });
  });

  it("passes Kinesis's 400 for a body without itemId on, with the CORS header", async ({ gateway }) => {
    const { status, headers, body } = await exchange(
      `${gateway.urlOf(HTTP_API)}events`,
      'POST',
      JSON_FROM_PAGE,
      '{"type":"saved"}',
    );

    expect(status).toBe(400);
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(body).__type).toBe('ValidationException');
  });
});

/** Kinesis's JSON 1.1 protocol, as a consumer speaks it; the embedded kinesalite checks a signature's shape only. */
async function kinesis(endpoint: string, action: string, input: unknown): Promise<any> {
  const response = await request(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `Kinesis_20131202.${action}`,
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(input),
  });
  return response.body.json();
}

describe('what the HTTP API put in the stream', () => {
  plainIt('is there for a consumer to read, the body as data and the itemId as partition key', async () => {
    const gateway = await startGateway({ source: sharedAssembly(), port: 0, logger: silentLogger });
    try {
      const events = `${gateway.apis.find((api) => api.logicalId === HTTP_API)!.url}events`;
      const put = await exchange(events, 'POST', JSON_FROM_PAGE, '{"itemId":"milk","type":"saved"}');
      const endpoint = await gateway.serviceEndpoint('kinesis');

      const { StreamNames } = await kinesis(endpoint, 'ListStreams', {});
      const { ShardIterator } = await kinesis(endpoint, 'GetShardIterator', {
        StreamName: StreamNames[0],
        ShardId: JSON.parse(put.body).ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      });
      const { Records } = await kinesis(endpoint, 'GetRecords', { ShardIterator });

      expect(StreamNames).toEqual([expect.stringMatching(/^service-integrations-stack-ItemEventsStream/)]);
      expect(Records).toHaveLength(1);
      expect(Buffer.from(Records[0].Data, 'base64').toString('utf8')).toBe(
        '{"itemId":"milk","type":"saved"}',
      );
      expect(Records[0].PartitionKey).toBe('milk');
    } finally {
      await gateway.close();
    }
  });
});

/** A port of 127.0.0.1 nothing listens on: a backend that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('backends that are down', () => {
  plainIt('give the AWS error statuses, with CORS headers, and never stop the gateway', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const gateway = await startGateway({
      source: sharedAssembly(),
      port: 0,
      logger: silentLogger,
      serviceEndpoints: { dynamodb: down, kinesis: down },
    });
    try {
      const rest = gateway.apis.find((api) => api.logicalId === REST_API)!.url;
      const http = gateway.apis.find((api) => api.logicalId === HTTP_API)!.url;

      const put = await exchange(`${rest}items`, 'POST', JSON_FROM_PAGE, '{"id":"milk","text":"Buy milk"}');
      const event = await exchange(`${http}events`, 'POST', JSON_FROM_PAGE, '{"itemId":"milk"}');
      const preflight = await exchange(`${rest}items`, 'OPTIONS', {
        origin: PAGE_ORIGIN,
        'access-control-request-method': 'POST',
      });

      expect([put.status, put.headers['access-control-allow-origin'], put.body]).toEqual([
        500,
        '*',
        '{"message":"Internal server error"}',
      ]);
      expect([event.status, event.headers['access-control-allow-origin'], event.body]).toEqual([
        500,
        '*',
        '{"message":"Internal Server Error"}',
      ]);
      expect(preflight.status).toBe(204);
    } finally {
      await gateway.close();
    }
  });
});
