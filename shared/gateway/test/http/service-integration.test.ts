import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfigError } from '../../src/errors.js';
import { LOCAL_CREDENTIALS } from '../../src/services/aws-credentials.js';
import { signV4 } from '../../src/services/sign-v4.js';
import { startGateway } from '../../src/start-gateway.js';
import { API_ROLE, closedPort } from '../services/fixtures.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const STREAM = 'events-stream';

/** An HTTP API with CORS whose routes put records into a Kinesis stream through `Kinesis-PutRecord`. */
function kinesisApi(
  integrations: Record<string, Record<string, unknown>>,
  cors: Record<string, unknown> | undefined = {
    AllowOrigins: ['*'],
    AllowMethods: ['POST'],
    AllowHeaders: ['content-type'],
  },
): { Resources: Record<string, unknown> } {
  const resources: Record<string, unknown> = {
    Api: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: 'Api', ProtocolType: 'HTTP', ...(cors ? { CorsConfiguration: cors } : {}) },
    },
    Stage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true },
    },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: STREAM, ShardCount: 1 } },
    ApiRole: API_ROLE,
  };
  for (const [routeKey, properties] of Object.entries(integrations)) {
    const id = routeKey.replace(/[^A-Za-z]/g, '');
    resources[`${id}Integration`] = {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'AWS_PROXY',
        IntegrationSubtype: 'Kinesis-PutRecord',
        PayloadFormatVersion: '1.0',
        CredentialsArn: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
        ...properties,
      },
    };
    resources[`${id}Route`] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: routeKey,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: `${id}Integration` }]] },
      },
    };
  }
  return { Resources: resources };
}

const putRecord = {
  RequestParameters: {
    StreamName: { Ref: 'Stream' },
    Data: '$request.body',
    PartitionKey: '$request.body.itemId',
  },
};

/** Calls the embedded Kinesis directly, signed as the gateway signs. */
async function kinesis(endpoint: string, action: string, input: unknown): Promise<any> {
  const url = new URL(endpoint);
  const headers = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `Kinesis_20131202.${action}`,
  };
  const body = JSON.stringify(input);
  const signed = signV4(
    { method: 'POST', url, headers, body },
    { region: 'us-east-1', service: 'kinesis', credentials: LOCAL_CREDENTIALS },
  );
  const response = await request(url, { method: 'POST', headers: { ...headers, ...signed }, body });
  return response.body.json();
}

/** Every record of the stream's only shard, decoded. */
async function recordsOf(endpoint: string): Promise<Array<{ data: string; partitionKey: string }>> {
  const { ShardIterator } = await kinesis(endpoint, 'GetShardIterator', {
    StreamName: STREAM,
    ShardId: 'shardId-000000000000',
    ShardIteratorType: 'TRIM_HORIZON',
  });
  const { Records } = await kinesis(endpoint, 'GetRecords', { ShardIterator });
  return (Records as Array<{ Data: string; PartitionKey: string }>).map((record) => ({
    data: Buffer.from(record.Data, 'base64').toString('utf8'),
    partitionKey: record.PartitionKey,
  }));
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('HTTP API first-class integration Kinesis-PutRecord on the embedded kinesalite', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let url: string;
  let log: string[];

  beforeAll(async () => {
    const logger = recordingLogger();
    const template = kinesisApi({
      'POST /events': putRecord,
      'POST /tagged/{tag}': {
        RequestParameters: {
          StreamName: STREAM,
          Data: 'tag=$request.path.tag route=$context.routeKey q=$request.querystring.q',
          PartitionKey: '$request.header.x-partition',
        },
      },
    });
    gateway = await startGateway({ source: writeTemplate(template), port: 0, logger });
    url = gateway.apis[0]!.url;
    log = logger.lines;
  });
  afterAll(() => gateway.close());

  it("puts the request body as a record and answers with Kinesis's own answer", async () => {
    const { status, headers, body } = await post(`${url}events`, '{"itemId":"milk","type":"click"}');

    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(body)).toMatchObject({
      ShardId: 'shardId-000000000000',
      SequenceNumber: expect.any(String),
    });
    expect(headers['apigw-requestid']).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });

  it('writes records a consumer can read back, with the partition key mapped from the body', async () => {
    await post(`${url}events`, '{"itemId":"tea"}');

    const records = await recordsOf(await gateway.serviceEndpoint('kinesis'));

    expect(records).toContainEqual({ data: '{"itemId":"tea"}', partitionKey: 'tea' });
  });

  it('maps headers, path and query parameters and $context into the parameters', async () => {
    const answer = await post(`${url}tagged/red?q=1&q=2`, '', { 'X-Partition': 'p1' });

    const records = await recordsOf(await gateway.serviceEndpoint('kinesis'));

    expect(answer.status).toBe(200);
    expect(records).toContainEqual({ data: 'tag=red route=POST /tagged/{tag} q=1,2', partitionKey: 'p1' });
  });

  it('adds the CORS headers of the configuration, and answers the preflight itself', async () => {
    const actual = await post(`${url}events`, '{"itemId":"x"}', { Origin: 'https://page.example' });
    const preflight = await request(`${url}events`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://page.example', 'Access-Control-Request-Method': 'POST' },
    });

    expect(actual.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type');
  });

  it("passes Kinesis's 400 on when the body lacks the partition key, CORS headers included", async () => {
    const { status, headers, body } = await post(`${url}events`, '{"type":"click"}', {
      Origin: 'https://page.example',
    });

    expect(status).toBe(400);
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(body).__type).toBe('ValidationException');
    expect(log.some((line) => line.includes('Kinesis-PutRecord answered 400'))).toBe(true);
  });
});

describe('HTTP API first-class integrations whose backend fails', () => {
  it('answers 500 Internal Server Error, with the CORS headers, when Kinesis cannot be reached', async () => {
    const logger = recordingLogger();
    const port = await closedPort();
    const gateway = await startGateway({
      source: writeTemplate(kinesisApi({ 'POST /events': putRecord })),
      port: 0,
      logger,
      serviceEndpoints: { kinesis: `http://127.0.0.1:${port}` },
    });
    try {
      const { status, headers, body } = await post(`${gateway.apis[0]!.url}events`, '{"itemId":"a"}', {
        Origin: 'https://page.example',
      });

      expect(status).toBe(500);
      expect(body).toBe('{"message":"Internal Server Error"}');
      expect(headers['access-control-allow-origin']).toBe('*');
      expect(logger.lines.some((line) => line.includes('cannot be reached'))).toBe(true);
    } finally {
      await gateway.close();
    }
  });

  it('answers 500 when the integration has no CredentialsArn', async () => {
    const logger = recordingLogger();
    const gateway = await startGateway({
      source: writeTemplate(kinesisApi({ 'POST /events': { ...putRecord, CredentialsArn: undefined } })),
      port: 0,
      logger,
    });
    try {
      const { status } = await post(`${gateway.apis[0]!.url}events`, '{"itemId":"a"}');

      expect(status).toBe(500);
      expect(logger.lines.some((line) => line.includes('no CredentialsArn'))).toBe(true);
    } finally {
      await gateway.close();
    }
  });
});

describe('HTTP API first-class integrations the gateway refuses at load, naming the integration', () => {
  async function refusal(properties: Record<string, unknown>): Promise<GatewayConfigError> {
    const source = writeTemplate(kinesisApi({ 'POST /events': properties }));
    const error = await startGateway({ source, port: 0, logger: recordingLogger() }).then(
      async (gateway) => {
        await gateway.close();
        return undefined;
      },
      (failure: unknown) => failure,
    );
    if (!(error instanceof GatewayConfigError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  }

  it.for([
    [
      'a parameter from an invalid source',
      { RequestParameters: { ...putRecord.RequestParameters, PartitionKey: '$request.bogus.x' } },
      'Invalid selection expression specified: Validation Result: warnings : [], errors : [Invalid source: $request.bogus.x specified for destination: PartitionKey]',
    ],
    [
      'a parameter the action does not take',
      { RequestParameters: { ...putRecord.RequestParameters, MessageBody: '$request.body' } },
      'RequestParameters has "MessageBody", which is not a parameter of Kinesis-PutRecord',
    ],
    [
      'a required parameter left out',
      { RequestParameters: { StreamName: STREAM, Data: '$request.body' } },
      'the Kinesis-PutRecord integration must map PartitionKey',
    ],
    [
      'payload format 2.0',
      { ...putRecord, PayloadFormatVersion: '2.0' },
      'PayloadFormatVersion must be "1.0" for an AWS service integration, got "2.0"',
    ],
    [
      'a subtype with no local backend',
      { ...putRecord, IntegrationSubtype: 'EventBridge-PutEvents' },
      'IntegrationSubtype "EventBridge-PutEvents" has no local backend; the local gateway serves Kinesis-PutRecord',
    ],
    [
      'a subtype API Gateway does not define',
      { ...putRecord, IntegrationSubtype: 'Kinesis-PutRecords' },
      'IntegrationSubtype "Kinesis-PutRecords" is not a subtype API Gateway defines',
    ],
  ] as const)('refuses %s', async ([, properties, message]) => {
    const error = await refusal(properties);

    expect(error.where.resource).toBe('POSTeventsIntegration');
    expect(error.message).toContain(message);
  });
});
