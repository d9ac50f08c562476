import type { CorpusApp } from './corpus-app.js';
import crossStackFunction from './cross-stack-function.js';
import httpApiAlb from './http-api-alb.js';
import httpApiImportedRoutes from './http-api-imported-routes.js';
import httpApiOpenapiBody from './http-api-openapi-body.js';
import httpApiUrl from './http-api-url.js';
import importedApiRoutes from './imported-api-routes.js';
import nothingToServe from './nothing-to-serve.js';
import restCacheEnabled from './rest-cache-enabled.js';
import restDynamodb from './rest-dynamodb.js';
import restHttpProxy from './rest-http-proxy.js';
import restLambdaCors from './rest-lambda-cors.js';
import restMappingsConditions from './rest-mappings-conditions.js';
import restNestedStacks from './rest-nested-stacks.js';
import restNlbVpcLink from './rest-nlb-vpc-link.js';
import restResponseStreaming from './rest-response-streaming.js';
import restSqsIntegration from './rest-sqs-integration.js';
import restStepFunctions from './rest-step-functions.js';
import specRestAsset from './spec-rest-asset.js';
import specRestInline from './spec-rest-inline.js';
import unrelatedCustomResources from './unrelated-custom-resources.js';
import websocketApi from './websocket-api.js';

/** Every app of the corpus, by the name of its folder under `assemblies/`. */
export const CORPUS_APPS: Readonly<Record<string, CorpusApp>> = {
  'cross-stack-function': crossStackFunction,
  'http-api-alb': httpApiAlb,
  'http-api-imported-routes': httpApiImportedRoutes,
  'http-api-openapi-body': httpApiOpenapiBody,
  'http-api-url': httpApiUrl,
  'imported-api-routes': importedApiRoutes,
  'nothing-to-serve': nothingToServe,
  'rest-cache-enabled': restCacheEnabled,
  'rest-dynamodb': restDynamodb,
  'rest-http-proxy': restHttpProxy,
  'rest-lambda-cors': restLambdaCors,
  'rest-mappings-conditions': restMappingsConditions,
  'rest-nested-stacks': restNestedStacks,
  'rest-nlb-vpc-link': restNlbVpcLink,
  'rest-response-streaming': restResponseStreaming,
  'rest-sqs-integration': restSqsIntegration,
  'rest-step-functions': restStepFunctions,
  'spec-rest-asset': specRestAsset,
  'spec-rest-inline': specRestInline,
  'unrelated-custom-resources': unrelatedCustomResources,
  'websocket-api': websocketApi,
};
