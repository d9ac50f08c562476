import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { CorpusApp } from './corpus-app.js';

/** A REST API storing and reading items in DynamoDB directly, through mapping templates. */
export default {
  description:
    'REST API reading and writing DynamoDB through AWS integrations (PutItem, GetItem) and mapping templates',
  build(app) {
    const stack = new Stack(app, 'Bookmarks');
    const table = new dynamodb.Table(stack, 'Bookmarks', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    const role = new iam.Role(stack, 'ApiRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    });
    table.grantReadWriteData(role);
    const api = new apigateway.RestApi(stack, 'BookmarksApi');
    const item = api.root.addResource('bookmarks').addResource('{id}');
    const integration = (action: string, template: string, response: string) =>
      new apigateway.AwsIntegration({
        service: 'dynamodb',
        action,
        options: {
          credentialsRole: role,
          requestTemplates: { 'application/json': template },
          integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': response } }],
        },
      });
    item.addMethod(
      'PUT',
      integration(
        'PutItem',
        `{"TableName": "${table.tableName}", "Item": {"id": {"S": "$input.params('id')"}, "url": {"S": $input.json('$.url')}}}`,
        '{"saved": true}',
      ),
      { methodResponses: [{ statusCode: '200' }] },
    );
    item.addMethod(
      'GET',
      integration(
        'GetItem',
        `{"TableName": "${table.tableName}", "Key": {"id": {"S": "$input.params('id')"}}}`,
        '{"url": "$input.path(\'$.Item.url.S\')"}',
      ),
      { methodResponses: [{ statusCode: '200' }] },
    );
  },
} satisfies CorpusApp;
