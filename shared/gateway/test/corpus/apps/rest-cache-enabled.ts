import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { CorpusApp } from './corpus-app.js';

/** A REST API whose stage caches answers. */
export default {
  description: 'REST API with a stage cache (deployOptions.cachingEnabled)',
  build(app) {
    const stack = new Stack(app, 'CachedCatalog');
    const api = new apigateway.RestApi(stack, 'CatalogApi', {
      deployOptions: { cachingEnabled: true, cacheTtl: undefined, cacheClusterEnabled: true },
    });
    api.root.addMethod(
      'GET',
      new apigateway.MockIntegration({
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': '{"cached":"maybe"}' } },
        ],
      }),
      { methodResponses: [{ statusCode: '200' }] },
    );
  },
} satisfies CorpusApp;
