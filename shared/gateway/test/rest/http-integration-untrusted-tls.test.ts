import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../src/start-gateway.js';
import { restApiTemplate, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

describe('REST HTTP integrations to an HTTPS backend with a certificate the gateway does not trust', () => {
  const tls = (file: string) =>
    readFileSync(fileURLToPath(new URL(`../support/tls/${file}`, import.meta.url)));
  let origin: string;
  beforeAll(async () => {
    const server = createServer(
      { key: tls('self-signed.key.pem'), cert: tls('self-signed.cert.pem') },
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('secret');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  });

  const serve = async (tlsConfig?: Record<string, unknown>) => {
    const template = restApiTemplate({
      methods: [
        {
          path: '/',
          httpMethod: 'GET',
          integration: {
            Type: 'HTTP_PROXY',
            IntegrationHttpMethod: 'GET',
            Uri: `${origin}/`,
            ...(tlsConfig ? { TlsConfig: tlsConfig } : {}),
          },
        },
      ],
    });
    const gateway = await startGateway({
      source: writeTemplate(template),
      port: 0,
      logger: recordingLogger(),
    });
    afterAll(() => gateway.close());
    return gateway.apis[0]!.url;
  };

  it('answers 504 when the TLS handshake fails', async () => {
    const response = await request(await serve());
    await response.body.dump();
    expect(response.statusCode).toBe(504);
  });

  it('calls it with TlsConfig.InsecureSkipVerification', async () => {
    const response = await request(await serve({ InsecureSkipVerification: true }));
    expect(await response.body.text()).toBe('secret');
  });
});
