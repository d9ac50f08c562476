import { type CloudFormationResource, renderExpectedTemplate, sharedTemplate } from '@cors-workshop/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  LIST_RESPONSE_TEMPLATE,
  REFUSED_RESPONSE_TEMPLATE,
  SAVED_RESPONSE_TEMPLATE,
} from '../lib/item-templates.js';
import { CLIENT_ERROR_PATTERN, SUCCESS_PATTERN } from '../lib/service-integrations-stack.js';

// The template of the synth every test file of the chapter shares (test/global-setup.ts, the `assembly` of
// checks.ts). Its region is pinned so that the template is the same on every machine (the integration URIs
// name it).
const synth = { template: sharedTemplate() };

const template = Template.fromJSON(synth.template);
const resources = synth.template.Resources ?? {};

function resourcesOfType(type: string): Array<[string, CloudFormationResource]> {
  return Object.entries(resources).filter(([, candidate]) => candidate.Type === type);
}

/** The only REST API method with this HTTP method (the API has one non-OPTIONS method of each). */
function restMethod(httpMethod: string): Record<string, unknown> {
  const found = resourcesOfType('AWS::ApiGateway::Method').filter(
    ([, method]) => method.Properties?.HttpMethod === httpMethod,
  );
  if (found.length !== 1) throw new Error(`Expected one ${httpMethod} method, found ${found.length}`);
  return found[0]![1].Properties as Record<string, unknown>;
}

const TABLE = 'ItemsTable5AAC2C46';
const ALLOW_ORIGIN = { 'method.response.header.Access-Control-Allow-Origin': "'*'" };
const DECLARES_ALLOW_ORIGIN = { 'method.response.header.Access-Control-Allow-Origin': true };

describe('ServiceIntegrationsStack', () => {
  it('synthesizes the expected template', async () => {
    await expect(renderExpectedTemplate(synth.template)).toMatchFileSnapshot(
      './expected/ServiceIntegrationsStack.template.json',
    );
  });

  it('has no Lambda function at all: API Gateway calls DynamoDB and Kinesis itself', () => {
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('AWS::Lambda::Permission', 0);
  });

  it('keeps the items in a table keyed by the string id, billed per request', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('lets the REST API role write and scan the table, and nothing else', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: ['dynamodb:PutItem', 'dynamodb:Scan'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [TABLE, 'Arn'] },
          },
        ],
      },
      Roles: [{ Ref: 'ItemsApiRoleA6F9B4FB' }],
    });
  });
});

describe('POST /items: an AWS integration calling DynamoDB PutItem', () => {
  const method = restMethod('POST');
  const integration = method.Integration as Record<string, unknown>;

  it('calls the PutItem action of the stack region, with the role as credentials', () => {
    expect(integration).toMatchObject({
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Credentials: { 'Fn::GetAtt': ['ItemsApiRoleA6F9B4FB', 'Arn'] },
      Uri: {
        'Fn::Join': [
          '',
          ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:us-east-1:dynamodb:action/PutItem'],
        ],
      },
      PassthroughBehavior: 'NEVER',
    });
  });

  it('builds the PutItem request from the body with $input.json, naming the table by its Ref', () => {
    expect(integration.RequestTemplates).toEqual({
      'application/json': {
        'Fn::Join': [
          '',
          [
            '{"TableName":"',
            { Ref: TABLE },
            `","Item":{"id":{"S":$input.json('$.id')},"text":{"S":$input.json('$.text')}}}`,
          ],
        ],
      },
    });
  });

  it("selects by DynamoDB's status code: 200 becomes 201, any 4XX a 400, both with the CORS header", () => {
    expect(SUCCESS_PATTERN).toBe('200');
    expect(CLIENT_ERROR_PATTERN).toBe(String.raw`4\d{2}`);
    expect(integration.IntegrationResponses).toEqual([
      {
        StatusCode: '201',
        SelectionPattern: '200',
        ResponseParameters: ALLOW_ORIGIN,
        ResponseTemplates: { 'application/json': SAVED_RESPONSE_TEMPLATE },
      },
      {
        StatusCode: '400',
        SelectionPattern: String.raw`4\d{2}`,
        ResponseParameters: ALLOW_ORIGIN,
        ResponseTemplates: { 'application/json': REFUSED_RESPONSE_TEMPLATE },
      },
    ]);
  });

  it('has no default integration response, so an unexpected status is an error rather than a 201', () => {
    const responses = integration.IntegrationResponses as Array<Record<string, unknown>>;

    expect(responses.every((response) => typeof response.SelectionPattern === 'string')).toBe(true);
  });

  it('declares the CORS header on both method responses', () => {
    expect(method.MethodResponses).toEqual([
      { StatusCode: '201', ResponseParameters: DECLARES_ALLOW_ORIGIN },
      { StatusCode: '400', ResponseParameters: DECLARES_ALLOW_ORIGIN },
    ]);
  });
});

describe('GET /items: an AWS integration calling DynamoDB Scan', () => {
  const method = restMethod('GET');
  const integration = method.Integration as Record<string, unknown>;

  it('scans the table and reshapes the answer with the response template, CORS header included', () => {
    expect(integration).toMatchObject({
      Type: 'AWS',
      Uri: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:us-east-1:dynamodb:action/Scan']],
      },
      RequestTemplates: {
        'application/json': { 'Fn::Join': ['', ['{"TableName":"', { Ref: TABLE }, '"}']] },
      },
      IntegrationResponses: [
        {
          StatusCode: '200',
          SelectionPattern: '200',
          ResponseParameters: ALLOW_ORIGIN,
          ResponseTemplates: { 'application/json': LIST_RESPONSE_TEMPLATE },
        },
      ],
    });
    expect(method.MethodResponses).toEqual([
      { StatusCode: '200', ResponseParameters: DECLARES_ALLOW_ORIGIN },
    ]);
  });
});

describe("the REST API's CORS outside the integrations", () => {
  it("has CDK's MOCK preflight on / and on /items", () => {
    const preflights = resourcesOfType('AWS::ApiGateway::Method').filter(
      ([, method]) => method.Properties?.HttpMethod === 'OPTIONS',
    );

    expect(preflights).toHaveLength(2);
    for (const [, preflight] of preflights) {
      expect(preflight.Properties?.Integration).toMatchObject({ Type: 'MOCK' });
    }
  });

  it('adds the header to the API own 4XX and 5XX answers with gateway responses', () => {
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      });
    }
  });
});

describe('EventsHttpApi: a Kinesis-PutRecord first-class integration', () => {
  const [[integrationId, integration]] = resourcesOfType('AWS::ApiGatewayV2::Integration') as [
    [string, CloudFormationResource],
  ];

  it('has its CORS in the CorsConfiguration: any origin, POST, and the content-type header', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: 'EventsHttpApi',
      CorsConfiguration: { AllowOrigins: ['*'], AllowMethods: ['POST'], AllowHeaders: ['content-type'] },
    });
  });

  it('maps the stream, the whole body and the itemId of the body into PutRecord', () => {
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'Kinesis-PutRecord',
      PayloadFormatVersion: '1.0',
      RequestParameters: {
        StreamName: { Ref: 'ItemEventsStreamD0FBA6EF' },
        Data: '$request.body',
        PartitionKey: '$request.body.itemId',
      },
    });
  });

  it('routes POST /events to it', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /events',
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
    });
  });

  it('calls Kinesis with a role of its own, allowed kinesis:PutRecord on the stream only', () => {
    const roleArn = integration.Properties?.CredentialsArn as { 'Fn::GetAtt': [string, string] };
    const [roleId] = roleArn['Fn::GetAtt'];

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'kinesis:PutRecord',
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': ['ItemEventsStreamD0FBA6EF', 'Arn'] },
          },
        ],
      },
      Roles: [{ Ref: roleId }],
    });
  });

  it('keeps one shard, encrypted with the AWS managed key', () => {
    template.hasResourceProperties('AWS::Kinesis::Stream', {
      ShardCount: 1,
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
    });
  });

  it('publishes both endpoints as outputs, for scripts/verify.sh after a deploy', () => {
    expect(Object.keys(synth.template.Outputs ?? {}).sort()).toEqual([
      'EventsHttpApiEndpoint',
      expect.stringMatching(/^ItemsRestApiEndpoint/),
    ]);
    expect(synth.template.Outputs?.EventsHttpApiEndpoint).toEqual({
      Value: { 'Fn::GetAtt': ['EventsHttpApiA4975F19', 'ApiEndpoint'] },
    });
  });
});
