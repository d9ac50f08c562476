// One synth, with the functions bundled, shared by every test file that serves the chapter; and the variant
// of FixedRestApi that test/behaviour.test.ts serves, synthesized once too.
import { fileURLToPath } from 'node:url';
import { synthesizeOnce, synthStack } from '@cors-workshop/testing';
import { ResponseType } from 'aws-cdk-lib/aws-apigateway';
import { assembly } from '../checks.js';
import { ErrorsCorsStack } from '../lib/errors-cors-stack.js';

/**
 * The chapter's stack with FixedRestApi's specific types changed: no MISSING_AUTHENTICATION_TOKEN response
 * (so DEFAULT_4XX answers a missing route), and an INTEGRATION_TIMEOUT response that repeats the header.
 */
function variant() {
  return synthStack(
    (app) => {
      const stack = new ErrorsCorsStack(app, 'ErrorsCorsStack', { stackName: 'errors-cors-stack' });
      stack.fixedApi.node.tryRemoveChild('MissingAuthenticationToken');
      stack.fixedApi.node.tryRemoveChild('IntegrationTimeout');
      stack.fixedApi.addGatewayResponse('IntegrationTimeout', {
        type: ResponseType.INTEGRATION_TIMEOUT,
        responseHeaders: { 'Access-Control-Allow-Origin': "'*'" },
        templates: { 'application/json': '{"message":"The items are slow today; try again"}' },
      });
    },
    { projectDir: fileURLToPath(new URL('..', import.meta.url)), bundling: true },
  );
}

export default synthesizeOnce(assembly, { variants: { specificTypesChanged: variant } });
