import { Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** A REST API streaming a Lambda function's answer. */
export default {
  description: 'REST API streaming a Lambda response (LambdaIntegration with ResponseTransferMode.STREAM)',
  build(app) {
    const stack = new Stack(app, 'ChatStream');
    const fn = new lambda.Function(stack, 'ChatFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('stream')),
      timeout: Duration.minutes(1),
    });
    const api = new apigateway.RestApi(stack, 'ChatApi');
    api.root.addResource('chat').addMethod(
      'POST',
      new apigateway.LambdaIntegration(fn, {
        responseTransferMode: apigateway.ResponseTransferMode.STREAM,
      }),
    );
  },
} satisfies CorpusApp;
