import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../src/services/embedded-server.js';
import { startGateway } from '../../src/start-gateway.js';
import { API_ROLE, closedPort, itemsTable, silentServer } from '../services/fixtures.js';
import { call, scanItems, TABLE, template } from '../support/dynamodb-rest-api.js';
import { restApiTemplate, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

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
