import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { GatewayExchange } from '../src/gateway-options.js';
import { startGateway } from '../src/start-gateway.js';
import { restApiTemplate, writeTemplate } from './support/rest-template.js';
import { recordingLogger } from './support/serve.js';

const template = restApiTemplate({
  methods: [
    {
      path: '/',
      httpMethod: 'GET',
      integration: {
        Type: 'MOCK',
        RequestTemplates: { 'application/json': '{"statusCode": 200}' },
        IntegrationResponses: [
          { StatusCode: '200', ResponseTemplates: { 'application/json': '{"ok":true}' } },
        ],
      },
      methodResponses: [{ StatusCode: '200' }],
    },
  ],
});

describe('startGateway', () => {
  it('reports every exchange with the request and the answer as sent', async () => {
    const exchanges: GatewayExchange[] = [];
    const gateway = await startGateway({
      source: writeTemplate(template),
      logger: recordingLogger(),
      onExchange: (exchange) => exchanges.push(exchange),
    });
    try {
      const response = await request(`${gateway.apis[0]!.url}?a=1`, { headers: { 'X-Custom': 'yes' } });
      await response.body.dump();
      expect(exchanges).toHaveLength(1);
      const [exchange] = exchanges;
      expect(exchange?.api).toEqual({ stack: 'Test', logicalId: 'Api', kind: 'REST' });
      expect(exchange?.request.method).toBe('GET');
      expect(exchange?.request.url).toBe('/prod/?a=1');
      expect(exchange?.request.headers).toContainEqual(['X-Custom', 'yes']);
      expect(exchange?.response.status).toBe(200);
      expect(exchange?.response.body).toBe('{"ok":true}');
      expect(exchange?.integration).toBe('MOCK');
    } finally {
      await gateway.close();
    }
  });

  it('refuses a port that is taken instead of moving the first API elsewhere', async () => {
    const first = await startGateway({ source: writeTemplate(template), logger: recordingLogger() });
    const port = Number(new URL(first.apis[0]!.url).port);
    try {
      await expect(
        startGateway({ source: writeTemplate(template), port, logger: recordingLogger() }),
      ).rejects.toThrow(`port ${port} on 127.0.0.1 is taken`);
    } finally {
      await first.close();
    }
  });
});
