import { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type CorpusApp, handlerDir } from './corpus-app.js';

/** An HTTP API defined by an OpenAPI document on the L1 construct, with its CORS in the document. */
export default {
  description:
    'HTTP API defined by an OpenAPI Body (CfnApi) with x-amazon-apigateway-cors and a Lambda integration',
  build(app) {
    const stack = new Stack(app, 'NotesOpenApi');
    const fn = new lambda.Function(stack, 'NotesFn', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(handlerDir('items')),
    });
    const api = new apigwv2.CfnApi(stack, 'NotesApi', {
      body: {
        openapi: '3.0.1',
        info: { title: 'Notes', version: '1' },
        'x-amazon-apigateway-cors': {
          allowOrigins: ['https://notes.example.com'],
          allowMethods: ['GET', 'PUT'],
          allowHeaders: ['content-type'],
          maxAge: 300,
        },
        paths: {
          '/notes/{id}': {
            get: {
              'x-amazon-apigateway-integration': {
                type: 'aws_proxy',
                uri: fn.functionArn,
                payloadFormatVersion: '2.0',
              },
            },
          },
        },
      },
    });
    new apigwv2.CfnStage(stack, 'DefaultStage', { apiId: api.ref, stageName: '$default', autoDeploy: true });
    fn.addPermission('InvokedByNotesApi', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    });
  },
} satisfies CorpusApp;
