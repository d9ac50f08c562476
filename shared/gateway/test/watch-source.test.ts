import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../src/start-gateway.js';
import { restApiTemplate, writeTemplate } from './support/rest-template.js';
import { recordingLogger } from './support/serve.js';

const answering = (body: string) =>
  restApiTemplate({
    methods: [
      {
        path: '/',
        httpMethod: 'GET',
        integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': '{"statusCode": 200}' },
          IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': body } }],
        },
        methodResponses: [{ StatusCode: '200' }],
      },
    ],
  });

async function eventually(read: () => Promise<string>, expected: string): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    last = await read();
    if (last === expected) return last;
    await sleep(100);
  }
  return last;
}

describe('watching the source', () => {
  it('serves a new synth on the same port, and keeps the previous one when the new one is refused', async () => {
    const file = writeTemplate(answering('first'));
    const logger = recordingLogger();
    const gateway = await startGateway({ source: file, watch: true, logger });
    const read = async () => (await request(gateway.apis[0]!.url)).body.text();
    try {
      expect(await read()).toBe('first');
      writeFileSync(file, JSON.stringify(answering('second')));
      expect(await eventually(read, 'second')).toBe('second');

      const broken = answering('third') as {
        Resources: Record<string, { Properties?: Record<string, unknown> }>;
      };
      broken.Resources.Method0!.Properties!.Integration = {
        Type: 'MOCK',
        IntegrationResponses: [
          { StatusCode: '200', ResponseParameters: { 'method.response.header.X': "'x'" } },
        ],
      };
      writeFileSync(file, JSON.stringify(broken));
      await eventually(
        async () => (logger.lines.some((l) => l.startsWith('reload refused')) ? 'refused' : ''),
        'refused',
      );
      expect(logger.lines.join('\n')).toMatch(
        /reload refused, still serving the previous version: .*method\.response\.header\.X/,
      );
      expect(await read()).toBe('second');
    } finally {
      await gateway.close();
    }
  });
});
