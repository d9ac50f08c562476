/**
 * The REST API whose `AWS` integrations call DynamoDB on the table `Items`, which the service integration
 * tests serve, and how they call it.
 *
 * @module
 */
import { request } from 'undici';
import { API_ROLE, dynamoDbActionUri, itemsTable } from '../services/fixtures.js';
import { allowOrigin, declaresAllowOrigin } from './allow-origin-parameters.js';
import { restApiTemplate, type TestMethod } from './rest-template.js';

/** The integrations' `Credentials`: the role `ApiRole` of the template. */
export const role = { 'Fn::GetAtt': ['ApiRole', 'Arn'] };

/** A request template naming the `Items` table, written the way CDK users write it (`Fn::Join` of a `Ref`). */
function withTable(before: string, after: string): unknown {
  return { 'Fn::Join': ['', [before, { Ref: 'Items' }, after]] };
}

const putItem: TestMethod = {
  path: '/items',
  httpMethod: 'POST',
  integration: {
    Type: 'AWS',
    IntegrationHttpMethod: 'POST',
    Uri: dynamoDbActionUri('PutItem'),
    Credentials: role,
    PassthroughBehavior: 'NEVER',
    RequestTemplates: {
      'application/json': withTable(
        '{"TableName":"',
        `","Item":{"id":{"S":$input.json('$.id')},"text":{"S":$input.json('$.text')}}}`,
      ),
    },
    IntegrationResponses: [
      {
        StatusCode: '201',
        SelectionPattern: '200',
        ResponseParameters: {
          ...allowOrigin,
          'method.response.header.X-Checksum': 'integration.response.header.x-amz-crc32',
        },
        ResponseTemplates: {
          'application/json': `{"id":$input.json('$.id')}`.replace("$input.json('$.id')", '"ok"'),
        },
      },
      {
        StatusCode: '400',
        SelectionPattern: '4\\d{2}',
        ResponseParameters: allowOrigin,
        ResponseTemplates: {
          'application/json': `#set($type = $input.path('$.__type'))#set($start = $type.indexOf('#') + 1)#set($context.responseOverride.header.X-Error-Type = $type.substring($start)){"message":$input.json('$.message')}`,
        },
      },
    ],
  },
  methodResponses: [
    {
      StatusCode: '201',
      ResponseParameters: { ...declaresAllowOrigin, 'method.response.header.X-Checksum': true },
    },
    { StatusCode: '400', ResponseParameters: declaresAllowOrigin },
  ],
};

export const scanItems: TestMethod = {
  path: '/items',
  httpMethod: 'GET',
  integration: {
    Type: 'AWS',
    IntegrationHttpMethod: 'POST',
    Uri: dynamoDbActionUri('Scan'),
    Credentials: role,
    RequestTemplates: { 'application/json': withTable('{"TableName":"', '"}') },
    IntegrationResponses: [
      {
        StatusCode: '200',
        ResponseParameters: allowOrigin,
        ResponseTemplates: {
          'application/json':
            '#set($items = $input.path(\'$.Items\')){"count":$input.path(\'$.Count\'),"ids":[#foreach($item in $items)"$item.id.S"#if($foreach.hasNext),#end#end]}',
        },
      },
    ],
  },
  methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
};

const methods: TestMethod[] = [
  putItem,
  scanItems,
  {
    path: '/only-success',
    httpMethod: 'POST',
    integration: {
      ...putItem.integration,
      IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '200' }],
    },
    methodResponses: [{ StatusCode: '200' }],
  },
  {
    path: '/passthrough',
    httpMethod: 'POST',
    integration: {
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Uri: dynamoDbActionUri('GetItem'),
      Credentials: role,
      IntegrationResponses: [{ StatusCode: '200' }],
    },
    methodResponses: [{ StatusCode: '200' }],
  },
  {
    path: '/no-credentials',
    httpMethod: 'GET',
    integration: { ...scanItems.integration, Credentials: undefined },
    methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
  },
  {
    path: '/path-form',
    httpMethod: 'GET',
    integration: {
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Uri: { 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':dynamodb:path//']] },
      Credentials: role,
      RequestParameters: { 'integration.request.header.X-Amz-Target': "'DynamoDB_20120810.DescribeTable'" },
      RequestTemplates: { 'application/json': withTable('{"TableName":"', '"}') },
      IntegrationResponses: [
        {
          StatusCode: '200',
          ResponseTemplates: { 'application/json': "$input.json('$.Table.TableStatus')" },
        },
      ],
    },
    methodResponses: [{ StatusCode: '200' }],
  },
  {
    path: '/maps-authorization',
    httpMethod: 'GET',
    integration: {
      ...scanItems.integration,
      RequestParameters: { 'integration.request.header.Authorization': "'Bearer nope'" },
    },
    methodResponses: [{ StatusCode: '200', ResponseParameters: declaresAllowOrigin }],
  },
];

/** The physical name (`TableName`) of the table `Items`. */
export const TABLE = 'items-table';

/** The API: a method for each way of calling DynamoDB, on `Items` with `ApiRole`. */
export const template = restApiTemplate({
  methods,
  extraResources: { Items: itemsTable(TABLE), ApiRole: API_ROLE },
});

/** Sends one request as JSON (`body` as is when a string, else its JSON text) and reads the answer. */
export async function call(
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}
