import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { CorpusApp } from './corpus-app.js';

/** The backend's origin, its host a stage variable (API Gateway's `${stageVariables.x}`, not JavaScript's). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own ${stageVariables.x} syntax
const BACKEND = 'https://${stageVariables.backendHost}';

/** A REST API in front of an HTTP backend: a proxy for everything, and one mapped method. */
export default {
  description:
    'REST API with an HTTP_PROXY integration on {proxy+} and an HTTP integration with mapping templates, its host a stage variable',
  build(app) {
    const stack = new Stack(app, 'InventoryGateway');
    const api = new apigateway.RestApi(stack, 'InventoryApi', {
      deployOptions: { stageName: 'prod', variables: { backendHost: 'inventory.example.com' } },
    });
    api.root.addResource('{proxy+}').addMethod(
      'ANY',
      new apigateway.HttpIntegration(`${BACKEND}/{proxy}`, {
        proxy: true,
        httpMethod: 'ANY',
        options: { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } },
      }),
      { requestParameters: { 'method.request.path.proxy': true } },
    );
    api.root.addResource('summary').addMethod(
      'POST',
      new apigateway.HttpIntegration(`${BACKEND}/reports/summary`, {
        proxy: false,
        httpMethod: 'POST',
        options: {
          requestTemplates: {
            'application/json': '{"query": $input.json(\'$\'), "requestedBy": "$context.requestId"}',
          },
          integrationResponses: [
            {
              statusCode: '200',
              responseTemplates: { 'application/json': '{"summary": $input.json(\'$\')}' },
            },
            {
              statusCode: '502',
              selectionPattern: '5\\d{2}',
              responseTemplates: { 'application/json': '{"error":"backend failed"}' },
            },
          ],
        },
      }),
      { methodResponses: [{ statusCode: '200' }, { statusCode: '502' }] },
    );
  },
} satisfies CorpusApp;
