import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** An app with no API at all. */
export default {
  description: 'a stack with a bucket, a queue and a function, and no API',
  build(app) {
    const stack = new Stack(app, 'BackgroundJobs');
    new s3.Bucket(stack, 'Reports');
    new sqs.Queue(stack, 'Jobs');
    new lambda.Function(stack, 'Worker', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('hello')),
    });
  },
} satisfies CorpusApp;
