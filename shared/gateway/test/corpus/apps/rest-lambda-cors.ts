import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** A REST API of Lambda proxy methods behind CDK's preflight, with stage variables and throttling. */
export default {
  description:
    'REST API with Lambda proxy methods, CDK CORS preflights for two origins, stage variables and throttling',
  build(app) {
    const stack = new Stack(app, 'ItemsService');
    const fn = new lambda.Function(stack, 'ItemsFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('items')),
      environment: { ALLOWED_ORIGINS: 'https://app.example.com,https://admin.example.com' },
    });
    const api = new apigateway.RestApi(stack, 'ItemsApi', {
      defaultCorsPreflightOptions: {
        allowOrigins: ['https://app.example.com', 'https://admin.example.com'],
        allowHeaders: ['Content-Type', 'Authorization'],
      },
      deployOptions: {
        stageName: 'v1',
        variables: { release: '2024-06' },
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
        methodOptions: { '/items/POST': { throttlingRateLimit: 5, throttlingBurstLimit: 10 } },
      },
    });
    const integration = new apigateway.LambdaIntegration(fn);
    const items = api.root.addResource('items');
    items.addMethod('GET', integration);
    items.addMethod('POST', integration);
    items.addResource('{id}').addMethod('GET', integration);
  },
} satisfies CorpusApp;
