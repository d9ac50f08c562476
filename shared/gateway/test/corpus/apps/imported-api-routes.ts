import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { CorpusApp } from './corpus-app.js';

/** Routes added by a second stack to an API it imports by ID, deployed from that second stack. */
export default {
  description:
    'REST API whose routes are added by another top-level stack importing it by ID, with its own deployment',
  build(app) {
    const core = new Stack(app, 'CoreApi');
    const api = new apigateway.RestApi(core, 'Api', { deployOptions: { stageName: 'core' } });
    api.root.addMethod(
      'GET',
      new apigateway.MockIntegration({
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: [{ statusCode: '200' }],
      }),
      { methodResponses: [{ statusCode: '200' }] },
    );
    const extra = new Stack(app, 'ExtraRoutes');
    const imported = apigateway.RestApi.fromRestApiAttributes(extra, 'Imported', {
      restApiId: api.restApiId,
      rootResourceId: api.restApiRootResourceId,
    });
    const method = imported.root.addResource('reports').addMethod(
      'GET',
      new apigateway.MockIntegration({
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: [{ statusCode: '200' }],
      }),
      { methodResponses: [{ statusCode: '200' }] },
    );
    const deployment = new apigateway.Deployment(extra, 'Deployment', { api: imported });
    deployment.node.addDependency(method);
    new apigateway.Stage(extra, 'Stage', { deployment, stageName: 'extra' });
  },
} satisfies CorpusApp;
