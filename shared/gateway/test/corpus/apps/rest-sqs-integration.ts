import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { CorpusApp } from './corpus-app.js';

/** A REST API writing its requests to a queue, with no Lambda in between. */
export default {
  description: 'REST API sending messages to SQS through an AWS integration (SendMessage)',
  build(app) {
    const stack = new Stack(app, 'Intake');
    const queue = new sqs.Queue(stack, 'Intake');
    const role = new iam.Role(stack, 'ApiRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    });
    queue.grantSendMessages(role);
    const api = new apigateway.RestApi(stack, 'IntakeApi');
    api.root.addResource('messages').addMethod(
      'POST',
      new apigateway.AwsIntegration({
        service: 'sqs',
        path: `${stack.account}/${queue.queueName}`,
        options: {
          credentialsRole: role,
          requestParameters: {
            'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
          },
          requestTemplates: {
            'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
          },
          integrationResponses: [{ statusCode: '202' }],
        },
      }),
      { methodResponses: [{ statusCode: '202' }] },
    );
  },
} satisfies CorpusApp;
