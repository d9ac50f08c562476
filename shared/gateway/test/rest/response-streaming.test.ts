import { describe, expect, it } from 'vitest';
import { startGateway } from '../../src/start-gateway.js';
import { lambdaProxyIntegration, restApiTemplate, writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const streamingUri = {
  'Fn::Join': [
    '',
    [
      'arn:aws:apigateway:',
      { Ref: 'AWS::Region' },
      ':lambda:path/2021-11-15/functions/',
      { 'Fn::GetAtt': ['Fn', 'Arn'] },
      '/response-streaming-invocations',
    ],
  ],
};

function template(integration: Record<string, unknown>) {
  return restApiTemplate({
    methods: [{ path: '/', httpMethod: 'GET', integration }],
    functions: { Fn: { code: 'exports.handler = async () => ({ statusCode: 200, body: "ok" })' } },
  });
}

describe('response streaming', () => {
  it('is refused for a Lambda function invoked for response streaming, saying streaming is what is missing', async () => {
    const source = writeTemplate(
      template({ ...lambdaProxyIntegration('Fn'), Uri: streamingUri, ResponseTransferMode: 'STREAM' }),
    );
    await expect(startGateway({ source, port: 0, logger: recordingLogger() })).rejects.toThrow(
      /\(Method0\): the integration invokes its Lambda function for response streaming .*: the local gateway does not emulate response streaming/,
    );
  });

  it('is refused for an HTTP_PROXY integration set to STREAM', async () => {
    const source = writeTemplate(
      template({
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'GET',
        Uri: 'http://127.0.0.1:1/',
        ResponseTransferMode: 'STREAM',
      }),
    );
    await expect(startGateway({ source, port: 0, logger: recordingLogger() })).rejects.toThrow(
      /\(Method0\): the integration streams the HTTP_PROXY response \(ResponseTransferMode STREAM\)/,
    );
  });

  it('leaves a BUFFERED Lambda proxy integration to be served', async () => {
    const source = writeTemplate(
      template({ ...lambdaProxyIntegration('Fn'), ResponseTransferMode: 'BUFFERED' }),
    );
    const gateway = await startGateway({ source, port: 0, logger: recordingLogger() });
    await gateway.close();
    expect(gateway.apis).toHaveLength(1);
  });
});
