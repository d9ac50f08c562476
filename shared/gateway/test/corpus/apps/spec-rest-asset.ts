import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { CorpusApp } from './corpus-app.js';

/** A `SpecRestApi` whose YAML definition is an asset (`BodyS3Location`). */
export default {
  description:
    'SpecRestApi with its OpenAPI document in a YAML asset: a mock method and a customised gateway response',
  build(app) {
    const stack = new Stack(app, 'StatusSpec');
    const file = join(dirname(fileURLToPath(import.meta.url)), 'definitions', 'status-api.yaml');
    new apigateway.SpecRestApi(stack, 'StatusApi', {
      apiDefinition: apigateway.ApiDefinition.fromAsset(file),
    });
  },
} satisfies CorpusApp;
