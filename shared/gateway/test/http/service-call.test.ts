import { describe, expect, it } from 'vitest';
import type { HttpServiceIntegration } from '../../src/http/http-api-model.js';
import { type MappingValue, parseMappingValue } from '../../src/http/parameter-mapping.js';
import { serviceCall } from '../../src/http/service-call.js';
import type { GatewayRequest } from '../../src/server/gateway-request.js';
import { SUPPORTED_SUBTYPES } from '../../src/services/integration-subtypes.js';

function mapping(source: string): MappingValue {
  return parseMappingValue(source) as MappingValue;
}

const integration: HttpServiceIntegration = {
  kind: 'service',
  logicalId: 'PutRecordIntegration',
  integrationId: 'abc123',
  payloadFormatVersion: '1.0',
  subtype: SUPPORTED_SUBTYPES.get('Kinesis-PutRecord')!,
  parameters: [
    ['StreamName', mapping('events')],
    ['Data', mapping('$request.body')],
    ['PartitionKey', mapping('$request.body.itemId')],
    ['Region', mapping('$request.header.x-region')],
  ],
  credentials: 'arn:aws:iam::123456789012:role/api',
  timeoutMs: 30_000,
};

function input(body: string, headers: string[] = []) {
  const request: GatewayRequest = {
    method: 'POST',
    path: '/events',
    rawQuery: '',
    rawHeaders: headers,
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    receivedAt: 0,
  };
  return { request, pathParameters: null, context: {}, stageVariables: null };
}

describe('serviceCall', () => {
  it('posts the action with the Kinesis JSON 1.1 headers and the mapped values as its input', () => {
    const call = serviceCall(integration, input('{"itemId":"milk"}'));

    expect(call).toEqual({
      service: 'kinesis',
      region: undefined,
      method: 'POST',
      path: '/',
      headers: [
        ['Content-Type', 'application/x-amz-json-1.1'],
        ['X-Amz-Target', 'Kinesis_20131202.PutRecord'],
      ],
      body: JSON.stringify({
        StreamName: 'events',
        Data: Buffer.from('{"itemId":"milk"}').toString('base64'),
        PartitionKey: 'milk',
      }),
    });
  });

  it('leaves out a parameter the request has nothing for, and takes the region from the mapping', () => {
    const call = serviceCall(integration, input('{"type":"x"}', ['X-Region', 'eu-west-1']));

    expect(call.region).toBe('eu-west-1');
    expect(JSON.parse(call.body)).not.toHaveProperty('PartitionKey');
  });
});
