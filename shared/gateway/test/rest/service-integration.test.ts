import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayConfigError } from '../../src/errors.js';
import { startEmbeddedServer } from '../../src/services/embedded-server.js';
import { startGateway } from '../../src/start-gateway.js';
import { API_ROLE, closedPort, dynamoDbActionUri, itemsTable, silentServer } from '../services/fixtures.js';
import { restApiTemplate, type TestMethod, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const allowOrigin = { 'method.response.header.Access-Control-Allow-Origin': "'*'" };
const declaresAllowOrigin = { 'method.response.header.Access-Control-Allow-Origin': true };
const role = { 'Fn::GetAtt': ['ApiRole', 'Arn'] };

/** A request template naming the `Items` table, written the way CDK users write it (`Fn::Join` of a `Ref`). */
function withTable(before: string, after: string): unknown {
  return { 'Fn::Join': ['', [before, { Ref: 'Items' }, after]] };
}

const putItem: TestMethod = {
  path: '/items',
  httpMethod: 'POST',
  integration: {
    Type: 'AWS',
    IntegrationHttpMethod: 'POST',
    Uri: dynamoDbActionUri('PutItem'),
    Credentials: role,
    PassthroughBehavior: 'NEVER',
    RequestTemplates: {
      'application/json': withTable(
        '{"TableName":"',
        `","Item":{"id":{"S":$input.json('$.id')},"text":{"S":$input.json('$.text')}}}`,
      ),
    },
    IntegrationResponses: [
      {
        StatusCode: '201',
        SelectionPattern: '200',
        ResponseParameters: {
          ...allowOrigin,
          'method.response.header.X-Checksum': 'integration.response.header.x-amz-crc32',
        },
        ResponseTemplates: {
          'application/json': `{"id":$input.json('$.id')}`.replace("$input.json('$.id')", '"ok"'),
        },
      },
      {
        StatusCode: '400',
        SelectionPattern: '4\\d{2}',
        ResponseParameters: allowOrigin,
        ResponseTemplates: {
          'application/json': `#set($type = $input.path('$.__type'))#set($start = $type.indexOf('#') + 1)#set($context.responseOverride.header.X-Error-Type = $type.substring($start)){"message":$input.json('$.message')}`,
        },
      },
    ],
  },
  methodResponses: [
    {
      StatusCode: '201',
      ResponseParameters: { ...declaresAllowOrigin, 'method.response.header.X-Checksum': true },
    },
    { StatusCode: '400', ResponseParameters: declaresAllowOrigin },
  ],
};

const scanItems: TestMethod = {
  path: '/items',
  httpMethod: 'GET',
  integration: {
    Type: 'AWS',
    IntegrationHttpMethod: 'POST',
    Uri: dynamoDbActionUri('Scan'),
    Credentials: role,
    RequestTemplates: { 'application/json': withTable('{"TableName":"', '"}') },
    IntegrationResponses: [
      {
        StatusCode: '200',
        ResponseParameters: allowOrigin,
        ResponseTemplates: {
          'application/json':
            '#set($items = $input.path(\'$.Items\')){"count":$input.path(\'$.Count\'),"ids":[#foreach($item in $items)"$item.id.S"#if($foreach.hasNext),#end#end]}',
        },
      },
    ],
  },
  methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
};

const methods: TestMethod[] = [
  putItem,
  scanItems,
  {
    path: '/only-success',
    httpMethod: 'POST',
    integration: {
      ...putItem.integration,
      IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '200' }],
    },
    methodResponses: [{ StatusCode: '200' }],
  },
  {
    path: '/passthrough',
    httpMethod: 'POST',
    integration: {
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Uri: dynamoDbActionUri('GetItem'),
      Credentials: role,
      IntegrationResponses: [{ StatusCode: '200' }],
    },
    methodResponses: [{ StatusCode: '200' }],
  },
  {
    path: '/no-credentials',
    httpMethod: 'GET',
    integration: { ...scanItems.integration, Credentials: undefined },
    methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
  },
  {
    path: '/path-form',
    httpMethod: 'GET',
    integration: {
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Uri: { 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':dynamodb:path//']] },
      Credentials: role,
      RequestParameters: { 'integration.request.header.X-Amz-Target': "'DynamoDB_20120810.DescribeTable'" },
      RequestTemplates: { 'application/json': withTable('{"TableName":"', '"}') },
      IntegrationResponses: [
        {
          StatusCode: '200',
          ResponseTemplates: { 'application/json': "$input.json('$.Table.TableStatus')" },
        },
      ],
    },
    methodResponses: [{ StatusCode: '200' }],
  },
  {
    path: '/maps-authorization',
    httpMethod: 'GET',
    integration: {
      ...scanItems.integration,
      RequestParameters: { 'integration.request.header.Authorization': "'Bearer nope'" },
    },
    methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
  },
];

const TABLE = 'items-table';
const template = restApiTemplate({
  methods,
  extraResources: { Items: itemsTable(TABLE), ApiRole: API_ROLE },
});

async function call(
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

describe('REST AWS integrations calling DynamoDB on the embedded backend', () => {
  let base: string;
  let log: string[];
  let gateway: Awaited<ReturnType<typeof startGateway>>;

  beforeAll(async () => {
    const logger = recordingLogger();
    gateway = await startGateway({ source: writeTemplate(template), port: 0, logger });
    base = gateway.apis[0]!.url;
    log = logger.lines;
  });
  afterAll(() => gateway.close());

  it('writes an item with PutItem, selecting the integration response by the status code 200', async () => {
    const { status, headers, body } = await call(`${base}items`, 'POST', { id: 'milk', text: 'Buy milk' });

    expect(status).toBe(201);
    expect(body).toBe('{"id":"ok"}');
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['content-type']).toBe('application/json');
  });

  it('maps a header of the service response with integration.response.header', async () => {
    const { headers } = await call(`${base}items`, 'POST', { id: 'bread', text: 'Buy bread' });

    expect(headers['x-checksum']).toMatch(/^\d+$/);
  });

  it('reads back what it wrote with Scan, shaped by the response template', async () => {
    await call(`${base}items`, 'POST', { id: 'tea', text: 'Buy tea' });

    const { status, body } = await call(`${base}items`, 'GET');
    const answer = JSON.parse(body) as { count: number; ids: string[] };

    expect(status).toBe(200);
    expect(answer.ids).toEqual(expect.arrayContaining(['milk', 'tea']));
    expect(answer.count).toBe(answer.ids.length);
  });

  it("maps DynamoDB's 400 through the 4\\d{2} response, with its CORS header and the service's message", async () => {
    const { status, headers, body } = await call(`${base}items`, 'POST', { text: 'no id' });

    expect(status).toBe(400);
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['x-error-type']).toBe('ValidationException');
    expect(JSON.parse(body).message).toContain('key attribute cannot contain an empty string');
  });

  it('answers 500 when no integration response matches the status code and none is the default', async () => {
    const { status, body } = await call(`${base}only-success`, 'POST', { text: 'no id' });

    expect(status).toBe(500);
    expect(body).toBe('{"message":"Internal server error"}');
    expect(log.some((line) => line.includes('No match for output mapping') && line.includes('400'))).toBe(
      true,
    );
  });

  it('sends the body as it came when there is no request template', async () => {
    const { status, body } = await call(`${base}passthrough`, 'POST', {
      TableName: TABLE,
      Key: { id: { S: 'milk' } },
    });

    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ Item: { id: { S: 'milk' }, text: { S: 'Buy milk' } } });
  });

  it('answers 500, and says why in the log, when the integration has no Credentials', async () => {
    const { status, headers } = await call(`${base}no-credentials`, 'GET');

    expect(status).toBe(500);
    expect(headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(log.some((line) => line.includes('has no Credentials'))).toBe(true);
  });

  it('sends a path-form request with the X-Amz-Target header its RequestParameters map', async () => {
    const { status, body } = await call(`${base}path-form`, 'GET');

    expect(status).toBe(200);
    expect(body).toBe('"ACTIVE"');
  });

  it('answers 500 when the integration request maps a header AWS integrations may not set', async () => {
    const { status } = await call(`${base}maps-authorization`, 'GET');

    expect(status).toBe(500);
    expect(log.some((line) => line.includes('maps the header Authorization'))).toBe(true);
  });

  it('tells where the embedded backend listens, so a test can read what the API wrote', async () => {
    const endpoint = await gateway.serviceEndpoint('dynamodb');

    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(
      log.some((line) => line.startsWith('dynamodb: embedded dynalite at') && line.includes('table')),
    ).toBe(true);
  });
});

describe('REST AWS integrations whose backend is elsewhere', () => {
  it('provisions the tables in a local endpoint it is pointed at, as for DynamoDB Local', async () => {
    const elsewhere = await startEmbeddedServer('dynalite');
    const gateway = await startGateway({
      source: writeTemplate(template),
      port: 0,
      logger: recordingLogger(),
      serviceEndpoints: { dynamodb: elsewhere.url.href },
    });
    try {
      const created = await call(`${gateway.apis[0]!.url}items`, 'POST', { id: 'a', text: 'b' });
      const listed = await request(elsewhere.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          'x-amz-date': '20260101T000000Z',
          authorization:
            'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
      });

      expect(created.status).toBe(201);
      expect(await listed.body.text()).toBe(`{"TableNames":["${TABLE}"]}`);
    } finally {
      await gateway.close();
      await elsewhere.close();
    }
  });

  it('answers 500 Internal server error when the endpoint cannot be reached, and logs the reason', async () => {
    const logger = recordingLogger();
    const port = await closedPort();
    const gateway = await startGateway({
      source: writeTemplate(template),
      port: 0,
      logger,
      serviceEndpoints: { dynamodb: `http://127.0.0.1:${port}` },
    });
    try {
      const { status, headers, body } = await call(`${gateway.apis[0]!.url}items`, 'GET');

      expect(status).toBe(500);
      expect(headers['x-amzn-errortype']).toBe('InternalServerErrorException');
      expect(body).toBe('{"message":"Internal server error"}');
      expect(
        logger.lines.some((line) => line.includes('cannot be reached') && line.includes(String(port))),
      ).toBe(true);
    } finally {
      await gateway.close();
    }
  });

  it('answers 504 when the endpoint does not answer within TimeoutInMillis', async () => {
    const silent = await silentServer();
    const slow = restApiTemplate({
      methods: [{ ...scanItems, integration: { ...scanItems.integration, TimeoutInMillis: 100 } }],
      extraResources: { Items: itemsTable(), ApiRole: API_ROLE },
    });
    const gateway = await startGateway({
      source: writeTemplate(slow),
      port: 0,
      logger: recordingLogger(),
      serviceEndpoints: { dynamodb: silent.url },
    });
    try {
      const { status, body } = await call(`${gateway.apis[0]!.url}items`, 'GET');

      expect(status).toBe(504);
      expect(body).toBe('{"message":"Endpoint request timed out"}');
    } finally {
      await gateway.close();
      await silent.close();
    }
  });
});

describe('REST AWS integrations the gateway refuses at load, naming the method', () => {
  async function refusal(integration: Record<string, unknown>): Promise<GatewayConfigError> {
    const source = writeTemplate(
      restApiTemplate({
        methods: [{ path: '/x', httpMethod: 'POST', integration, methodResponses: [{ StatusCode: '200' }] }],
        extraResources: { Items: itemsTable(), ApiRole: API_ROLE },
      }),
    );
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

  const base = { Type: 'AWS', IntegrationHttpMethod: 'POST', Credentials: role };

  it.for([
    [
      'a DynamoDB action the embedded backend does not serve',
      { ...base, Uri: dynamoDbActionUri('TransactWriteItems') },
      'calls the DynamoDB action "TransactWriteItems", which the local gateway does not serve; it serves BatchGetItem',
    ],
    [
      'a service it has no backend for',
      { ...base, Uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue' },
      'calls "sqs", which the local gateway has no backend for; it calls dynamodb and kinesis',
    ],
    [
      'a URI that is neither Lambda nor a service',
      { ...base, Uri: 'https://example.com/' },
      'Invalid ARN specified in the request',
    ],
    [
      'a path placeholder no parameter fills',
      { ...base, Uri: 'arn:aws:apigateway:us-east-1:kinesis:path/streams/{name}' },
      'uses {name}, but no RequestParameters entry maps integration.request.path.name',
    ],
    [
      'a request parameter mapped to something other than the integration request',
      { ...base, Uri: dynamoDbActionUri('Scan'), RequestParameters: { 'method.request.header.X': "'a'" } },
      'Invalid mapping expression parameter specified: method.request.header.X',
    ],
    [
      'a request parameter from an invalid source',
      { ...base, Uri: dynamoDbActionUri('Scan'), RequestParameters: { 'integration.request.header.X': 'a' } },
      'Invalid mapping expression specified: a',
    ],
  ] as const)('refuses %s', async ([, integration, message]) => {
    const error = await refusal(integration);

    expect(error.where.resource).toBe('Method0');
    expect(error.message).toContain(message);
  });
});
