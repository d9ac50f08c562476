import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** An API next to functions no API reaches: a CDK custom-resource provider, a Python job, code in S3. */
export default {
  description:
    'REST API next to Lambda functions no API invokes (a custom-resource provider, a Python function, code in another bucket, an import of another app)',
  build(app) {
    const stack = new Stack(app, 'Uploads');
    new s3.Bucket(stack, 'Uploads', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true });
    new lambda.Function(stack, 'NightlyReport', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(event, context):\n    return {"ok": True}\n'),
      timeout: Duration.minutes(5),
    });
    const artifacts = s3.Bucket.fromBucketName(stack, 'Artifacts', 'company-build-artifacts');
    new lambda.Function(stack, 'LegacyResizer', {
      runtime: lambda.Runtime.NODEJS_18_X,
      handler: 'index.handler',
      code: lambda.Code.fromBucket(artifacts, 'resizer/v3.zip'),
    });
    new lambda.Function(stack, 'AlertForwarder', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {};'),
      environment: { ALERTS_TOPIC: Fn.importValue('platform-alerts-topic-arn') },
    });
    const fn = new lambda.Function(stack, 'UploadsFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('hello')),
      environment: { GREETING: 'uploads ready' },
    });
    new apigateway.LambdaRestApi(stack, 'UploadsApi', { handler: fn });
  },
} satisfies CorpusApp;
