import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { restApiTemplate, type TestMethod } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

/** The OPTIONS method CDK's `addCorsPreflight` synthesizes, optionally with a `ContentHandling`. */
function preflight(path: string, contentHandling?: string): TestMethod {
  return {
    path,
    httpMethod: 'OPTIONS',
    integration: {
      Type: 'MOCK',
      RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
      ...(contentHandling ? { ContentHandling: contentHandling } : {}),
      IntegrationResponses: [
        {
          StatusCode: '204',
          ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
        },
      ],
    },
    methodResponses: [
      {
        StatusCode: '204',
        ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      },
    ],
  };
}

const echoBody: TestMethod = {
  path: '/upload',
  httpMethod: 'POST',
  integration: {
    Type: 'MOCK',
    ContentHandling: 'CONVERT_TO_TEXT',
    RequestTemplates: {
      'image/png': '#set($context.responseOverride.header.X-Seen = $input.body){"statusCode": 200}',
    },
    IntegrationResponses: [{ StatusCode: '200' }],
  },
  methodResponses: [{ StatusCode: '200' }],
};

function apiWith(binaryMediaTypes: string[]) {
  const template = restApiTemplate({
    methods: [preflight('/'), preflight('/fixed', 'CONVERT_TO_TEXT'), echoBody],
  });
  const api = (template.Resources as Record<string, { Properties: Record<string, unknown> }>).Api!;
  api.Properties.BinaryMediaTypes = binaryMediaTypes;
  return template;
}

const everything = await serveTemplate(apiWith(['*/*']));
const imagesOnly = await serveTemplate(apiWith(['image/png']));

const preflightRequest = {
  method: 'OPTIONS' as const,
  headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
};

describe('binary media types and ContentHandling on non-proxy integrations', () => {
  it("breaks CDK's MOCK preflight with binaryMediaTypes */*: 500 and no CORS header", async () => {
    const response = await request(everything.url, preflightRequest);
    expect(response.statusCode).toBe(500);
    expect(await response.body.json()).toEqual({ message: 'Internal server error' });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(everything.log.some((line) => line.includes('[Binary Data]'))).toBe(true);
  });

  it('answers the same preflight once the integration converts the payload to text', async () => {
    const response = await request(new URL('fixed', everything.url), preflightRequest);
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    await response.body.dump();
  });

  it('leaves the preflight alone when binaryMediaTypes does not match application/json', async () => {
    const response = await request(imagesOnly.url, preflightRequest);
    expect(response.statusCode).toBe(204);
    await response.body.dump();
  });

  it('hands a binary body to the template as base64 text under CONVERT_TO_TEXT', async () => {
    const response = await request(new URL('upload', imagesOnly.url), {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-seen']).toBe('iVBORw==');
    await response.body.dump();
  });
});

describe('ContentHandling the gateway cannot emulate', () => {
  it('is refused at load, naming the method', async () => {
    const { startGateway } = await import('../../src/start-gateway.js');
    const { writeTemplate } = await import('../support/rest-template.js');
    const { silentLogger } = await import('../../src/logging/gateway-logger.js');
    const template = restApiTemplate({ methods: [preflight('/', 'CONVERT_TO_BINARY')] });
    await expect(
      startGateway({ source: writeTemplate(template), port: 0, logger: silentLogger }),
    ).rejects.toThrow('Integration ContentHandling CONVERT_TO_BINARY is not emulated by the local gateway');
  });
});
