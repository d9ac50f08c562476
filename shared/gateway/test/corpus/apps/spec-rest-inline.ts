import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

const ORIGIN = "'https://shop.example.com'";

/** The OPTIONS method many people write by hand in their OpenAPI document. */
const preflight = {
  'x-amazon-apigateway-integration': {
    type: 'mock',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: {
      default: {
        statusCode: '204',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': ORIGIN,
          'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
          'method.response.header.Access-Control-Allow-Headers': "'Content-Type'",
        },
      },
    },
  },
  responses: {
    '204': {
      description: 'CORS preflight',
      headers: {
        'Access-Control-Allow-Origin': { schema: { type: 'string' } },
        'Access-Control-Allow-Methods': { schema: { type: 'string' } },
        'Access-Control-Allow-Headers': { schema: { type: 'string' } },
      },
    },
  },
};

/** A `SpecRestApi` defined inline, its Lambda integration's URI made of CDK tokens. */
export default {
  description:
    'SpecRestApi with an inline OpenAPI document: hand-written OPTIONS mocks, a Lambda proxy, gateway responses',
  build(app) {
    const stack = new Stack(app, 'ShopSpec');
    const fn = new lambda.Function(stack, 'ProductsFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('items')),
      environment: { ALLOWED_ORIGINS: 'https://shop.example.com' },
    });
    const uri = `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
    const api = new apigateway.SpecRestApi(stack, 'ShopApi', {
      apiDefinition: apigateway.ApiDefinition.fromInline({
        openapi: '3.0.1',
        info: { title: 'Shop', version: '1.0' },
        paths: {
          '/products/{id}': {
            options: preflight,
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri },
              responses: { '200': { description: 'a product' } },
            },
          },
        },
        'x-amazon-apigateway-gateway-responses': {
          DEFAULT_4XX: {
            responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': ORIGIN },
          },
          DEFAULT_5XX: {
            responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': ORIGIN },
          },
        },
      }),
    });
    fn.addPermission('InvokedByShopApi', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: api.arnForExecuteApi(),
    });
  },
} satisfies CorpusApp;
