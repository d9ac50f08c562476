import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** A function in one stack, served by an API in another: CDK passes its ARN through an export. */
export default {
  description:
    'REST API in one stack invoking a Lambda function of another stack (a cross-stack reference, Fn::ImportValue)',
  build(app) {
    const shared = new Stack(app, 'SharedFunctions');
    const fn = new lambda.Function(shared, 'GreeterFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('hello')),
      environment: { GREETING: 'hello across stacks' },
    });
    const frontend = new Stack(app, 'Frontend');
    const api = new apigateway.LambdaRestApi(frontend, 'FrontendApi', { handler: fn, proxy: false });
    api.root.addResource('greet').addMethod('GET');
  },
} satisfies CorpusApp;
