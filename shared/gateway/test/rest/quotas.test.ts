import { connect } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { lambdaProxyIntegration, restApiTemplate } from '../support/rest-template.js';
import { serveTemplate } from '../support/serve.js';

const MB = 1024 * 1024;

const functions = {
  Size: {
    code: `exports.handler = async (event) => ({ statusCode: 200, body: String(event.body?.length ?? 0) });`,
  },
  Big: { code: `exports.handler = async () => ({ statusCode: 200, body: 'a'.repeat(7 * 1024 * 1024) });` },
  BigCustom: { code: `exports.handler = async () => 'a'.repeat(7 * 1024 * 1024);` },
};

const customIntegration = (functionId: string) => ({
  ...lambdaProxyIntegration(functionId),
  Type: 'AWS',
  IntegrationResponses: [
    { StatusCode: '200' },
    { StatusCode: '500', SelectionPattern: 'Response payload size exceeded.*' },
  ],
});

const { url } = await serveTemplate(
  restApiTemplate({
    functions,
    methods: [
      { path: '/size', httpMethod: 'POST', integration: lambdaProxyIntegration('Size') },
      { path: '/big', httpMethod: 'GET', integration: lambdaProxyIntegration('Big') },
      {
        path: '/big-custom',
        httpMethod: 'GET',
        integration: customIntegration('BigCustom'),
        methodResponses: [{ StatusCode: '200' }, { StatusCode: '500' }],
      },
    ],
    extraResources: {
      TooLarge: {
        Type: 'AWS::ApiGateway::GatewayResponse',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResponseType: 'DEFAULT_4XX',
          ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
          ResponseTemplates: { 'application/json': '{"type":"$context.error.responseType"}' },
        },
      },
    },
  }),
);
const port = Number(new URL(url).port);

function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
  });
}

describe('a REST API holds API Gateway quotas with its gateway responses', () => {
  it('answers a body over 10 MB with REQUEST_TOO_LARGE, customised through DEFAULT_4XX', async () => {
    const response = await request(`${url}size`, { method: 'POST', body: Buffer.alloc(10 * MB + 1) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(await response.body.text()).toBe('{"type":"REQUEST_TOO_LARGE"}');
  });

  it('answers request headers over 10,240 bytes with REQUEST_TOO_LARGE', async () => {
    const response = await request(`${url}size`, {
      method: 'POST',
      headers: { 'x-fill': 'a'.repeat(10_300) },
    });
    expect(response.statusCode).toBe(413);
    expect(await response.body.text()).toBe('{"type":"REQUEST_TOO_LARGE"}');
  });

  it('answers a URL over 10,240 characters with 414', async () => {
    const response = await request(`${url}size?q=${'a'.repeat(10_300)}`, { method: 'POST' });
    expect(response.statusCode).toBe(414);
    await response.body.dump();
  });

  it('answers a request with two Host headers with 400 through DEFAULT_4XX', async () => {
    const answer = await raw(`GET ${new URL(url).pathname}size HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n`);
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    expect(answer.endsWith('{"type":"DEFAULT_4XX"}')).toBe(true);
  });
});

describe('a REST API holds Lambda quotas (6 MB each way)', () => {
  it('answers an event over 6 MB with 413 Request Too Long, as AWS does, without running the function', async () => {
    const response = await request(`${url}size`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a'.repeat(7 * MB),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(await response.body.text()).toBe('{"type":"REQUEST_TOO_LARGE"}');
  });

  it('serves an event under 6 MB', async () => {
    const response = await request(`${url}size`, { method: 'POST', body: 'a'.repeat(5 * MB) });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe(String(5 * MB));
  });

  it('answers a proxy result over 6 MB with 502', async () => {
    const response = await request(`${url}big`);
    expect(response.statusCode).toBe(502);
    expect(await response.body.text()).toBe('{"message": "Internal server error"}');
  });

  it('hands a non-proxy integration the function error, for its selection patterns', async () => {
    const response = await request(`${url}big-custom`);
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(await response.body.text())).toMatchObject({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
  });
});

describe('the default answers of a REST API to a request over a quota', async () => {
  const plain = await serveTemplate(
    restApiTemplate({
      functions,
      methods: [{ path: '/size', httpMethod: 'POST', integration: lambdaProxyIntegration('Size') }],
    }),
  );

  it('is 413 {"message":"Request Too Long"} for a body over 10 MB', async () => {
    const response = await request(`${plain.url}size`, { method: 'POST', body: Buffer.alloc(10 * MB + 1) });
    expect(response.statusCode).toBe(413);
    expect(await response.body.text()).toBe('{"message":"Request Too Long"}');
  });

  it('is 413 {"message": "Request Too Long"} for an event over 6 MB, as AWS writes it', async () => {
    const response = await request(`${plain.url}size`, { method: 'POST', body: 'a'.repeat(7 * MB) });
    expect(response.statusCode).toBe(413);
    expect(await response.body.text()).toBe('{"message": "Request Too Long"}');
  });
});
