/**
 * Chapter 04: APIs that call AWS services themselves — a REST API over a DynamoDB table and an HTTP API in
 * front of a Kinesis stream — with CORS, and no Lambda function anywhere.
 *
 * @module
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AwsIntegration, Cors, PassthroughBehavior, ResponseType, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Stream, StreamEncryption } from 'aws-cdk-lib/aws-kinesis';
import type { Construct } from 'constructs';
import { HttpKinesisPutRecordIntegration } from './http-kinesis-put-record-integration.js';
import {
  LIST_RESPONSE_TEMPLATE,
  putItemRequestTemplate,
  REFUSED_RESPONSE_TEMPLATE,
  SAVED_RESPONSE_TEMPLATE,
  scanRequestTemplate,
} from './item-templates.js';

/** The key of `Access-Control-Allow-Origin` in an integration or method response's `responseParameters`. */
const ALLOW_ORIGIN = 'method.response.header.Access-Control-Allow-Origin';

/**
 * The `selectionPattern` of the integration response for DynamoDB's successful answer. A service integration
 * selects by the service's status code (a Lambda custom integration selects by the error message).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
 */
export const SUCCESS_PATTERN = '200';

/** The `selectionPattern` of the integration response for any 4XX status DynamoDB answers. */
export const CLIENT_ERROR_PATTERN = '4\\d{2}';

/**
 * Two APIs that call AWS services with no function in between:
 *
 * - `ItemsRestApi`, a REST API over `ItemsTable`: `POST /items` is DynamoDB `PutItem` and `GET /items` is
 *   `Scan`, each through an `AWS` integration with mapping templates; CORS is CDK's preflight plus
 *   `Access-Control-Allow-Origin` mapped on every integration response, and on the API's own 4XX and 5XX
 *   answers through gateway responses;
 * - `EventsHttpApi`, an HTTP API whose `POST /events` puts the request body into `ItemEventsStream` through
 *   the `Kinesis-PutRecord` first-class integration; CORS is the API's `CorsConfiguration`.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-dynamodb.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services.html
 */
export class ServiceIntegrationsStack extends Stack {
  /** The table behind `ItemsRestApi`. */
  readonly table: Table;
  /** The REST API over the table. */
  readonly restApi: RestApi;
  /** The stream behind `EventsHttpApi`. */
  readonly stream: Stream;
  /** The HTTP API in front of the stream. */
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    this.table = new Table(this, 'ItemsTable', {
      partitionKey: { name: 'id', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // The role API Gateway assumes to call DynamoDB: it may write and scan this table, nothing else.
    const apiRole = new Role(this, 'ItemsApiRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
    });
    this.table.grant(apiRole, 'dynamodb:PutItem', 'dynamodb:Scan');

    this.restApi = new RestApi(this, 'ItemsRestApi', {
      defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS },
    });
    const items = this.restApi.root.addResource('items');

    // POST /items: PutItem. DynamoDB's 200 becomes a 201, any 4XX a 400, each with the CORS header.
    items.addMethod(
      'POST',
      new AwsIntegration({
        service: 'dynamodb',
        action: 'PutItem',
        options: {
          credentialsRole: apiRole,
          passthroughBehavior: PassthroughBehavior.NEVER,
          requestTemplates: { 'application/json': putItemRequestTemplate(this.table.tableName) },
          integrationResponses: [
            {
              statusCode: '201',
              selectionPattern: SUCCESS_PATTERN,
              responseParameters: { [ALLOW_ORIGIN]: "'*'" },
              responseTemplates: { 'application/json': SAVED_RESPONSE_TEMPLATE },
            },
            {
              statusCode: '400',
              selectionPattern: CLIENT_ERROR_PATTERN,
              responseParameters: { [ALLOW_ORIGIN]: "'*'" },
              responseTemplates: { 'application/json': REFUSED_RESPONSE_TEMPLATE },
            },
          ],
        },
      }),
      {
        methodResponses: [
          { statusCode: '201', responseParameters: { [ALLOW_ORIGIN]: true } },
          { statusCode: '400', responseParameters: { [ALLOW_ORIGIN]: true } },
        ],
      },
    );

    // GET /items: Scan, reshaped into plain JSON by the response template.
    items.addMethod(
      'GET',
      new AwsIntegration({
        service: 'dynamodb',
        action: 'Scan',
        options: {
          credentialsRole: apiRole,
          passthroughBehavior: PassthroughBehavior.NEVER,
          requestTemplates: { 'application/json': scanRequestTemplate(this.table.tableName) },
          integrationResponses: [
            {
              statusCode: '200',
              selectionPattern: SUCCESS_PATTERN,
              responseParameters: { [ALLOW_ORIGIN]: "'*'" },
              responseTemplates: { 'application/json': LIST_RESPONSE_TEMPLATE },
            },
          ],
        },
      }),
      { methodResponses: [{ statusCode: '200', responseParameters: { [ALLOW_ORIGIN]: true } }] },
    );

    // The API's own answers: 403 for an unknown route, 415 for a body type without a template, 500 when
    // DynamoDB answers something no integration response selects or cannot be reached.
    for (const [gatewayResponseId, type] of [
      ['Default4xx', ResponseType.DEFAULT_4XX],
      ['Default5xx', ResponseType.DEFAULT_5XX],
    ] as const) {
      this.restApi.addGatewayResponse(gatewayResponseId, {
        type,
        responseHeaders: { 'Access-Control-Allow-Origin': "'*'" },
      });
    }

    this.stream = new Stream(this, 'ItemEventsStream', {
      shardCount: 1,
      encryption: StreamEncryption.MANAGED,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.httpApi = new HttpApi(this, 'EventsHttpApi', {
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.POST],
        allowHeaders: ['content-type'],
      },
    });
    this.httpApi.addRoutes({
      path: '/events',
      methods: [HttpMethod.POST],
      integration: new HttpKinesisPutRecordIntegration('PutItemEvent', {
        stream: this.stream,
        partitionKey: '$request.body.itemId',
      }),
    });

    new CfnOutput(this, 'EventsHttpApiEndpoint', { value: this.httpApi.apiEndpoint });
  }
}
