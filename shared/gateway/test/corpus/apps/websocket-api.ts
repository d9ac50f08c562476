import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** A WebSocket API with a Lambda function behind its routes. */
export default {
  description: 'WebSocket API (WebSocketApi with a Lambda integration)',
  build(app) {
    const stack = new Stack(app, 'LiveUpdates');
    const fn = new lambda.Function(stack, 'SocketFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('hello')),
    });
    const api = new apigwv2.WebSocketApi(stack, 'SocketApi', {
      connectRouteOptions: { integration: new WebSocketLambdaIntegration('Connect', fn) },
    });
    new apigwv2.WebSocketStage(stack, 'Prod', { webSocketApi: api, stageName: 'prod', autoDeploy: true });
  },
} satisfies CorpusApp;
