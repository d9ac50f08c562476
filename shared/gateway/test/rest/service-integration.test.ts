import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../src/start-gateway.js';
import { call, TABLE, template } from '../support/dynamodb-rest-api.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

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
