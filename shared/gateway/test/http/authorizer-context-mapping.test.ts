import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/services/aws-credentials.js';
import { signV4 } from '../../src/services/sign-v4.js';
import { startGateway } from '../../src/start-gateway.js';
import { API_ROLE } from '../services/fixtures.js';
import { authorizerUri } from '../support/authorizer-template.js';
import { writeTemplate } from '../support/rest-template.js';
import { recordingLogger } from '../support/serve.js';

const STREAM = 'authorized-events';

const template = {
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'Api', ProtocolType: 'HTTP' } },
    Stage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true },
    },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: STREAM, ShardCount: 1 } },
    ApiRole: API_ROLE,
    Auth: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Code: {
          ZipFile: `exports.handler = async () => ({ isAuthorized: true, context: { user: 'ada' } });`,
        },
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::123456789012:role/test',
      },
    },
    Authorizer: {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: { Ref: 'Api' },
        Name: 'Auth',
        AuthorizerType: 'REQUEST',
        AuthorizerUri: authorizerUri('Auth'),
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        IdentitySource: ['$request.header.Authorization'],
      },
    },
    Integration: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'AWS_PROXY',
        IntegrationSubtype: 'Kinesis-PutRecord',
        PayloadFormatVersion: '1.0',
        CredentialsArn: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
        RequestParameters: { StreamName: STREAM, Data: 'user=$context.authorizer.user', PartitionKey: 'p' },
      },
    },
    Route: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: 'POST /events',
        AuthorizationType: 'CUSTOM',
        AuthorizerId: { Ref: 'Authorizer' },
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'Integration' }]] },
      },
    },
  },
};

async function kinesis(endpoint: string, action: string, input: unknown): Promise<any> {
  const url = new URL(endpoint);
  const headers = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `Kinesis_20131202.${action}`,
  };
  const body = JSON.stringify(input);
  const signed = signV4(
    { method: 'POST', url, headers, body },
    { region: 'us-east-1', service: 'kinesis', credentials: LOCAL_CREDENTIALS },
  );
  return (await request(url, { method: 'POST', headers: { ...headers, ...signed }, body })).body.json();
}

describe('an authorized route with a first-class integration', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ source: writeTemplate(template), port: 0, logger: recordingLogger() });
  });
  afterAll(() => gateway.close());

  it('refuses the request without the identity source before calling the service', async () => {
    const response = await request(`${gateway.apis[0]!.url}events`, { method: 'POST', body: '{}' });

    expect(response.statusCode).toBe(401);
  });

  it("maps $context.authorizer.<key> from the Lambda authorizer's context into the action's parameters", async () => {
    const response = await request(`${gateway.apis[0]!.url}events`, {
      method: 'POST',
      headers: { authorization: 'token' },
      body: '{}',
    });
    expect(response.statusCode).toBe(200);
    const endpoint = await gateway.serviceEndpoint('kinesis');
    const { ShardIterator } = await kinesis(endpoint, 'GetShardIterator', {
      StreamName: STREAM,
      ShardId: 'shardId-000000000000',
      ShardIteratorType: 'TRIM_HORIZON',
    });
    const { Records } = await kinesis(endpoint, 'GetRecords', { ShardIterator });

    expect(
      Records.map((record: { Data: string }) => Buffer.from(record.Data, 'base64').toString('utf8')),
    ).toEqual(['user=ada']);
  });
});
