/**
 * The CDK app of chapter 04. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { ServiceIntegrationsStack } from '../lib/service-integrations-stack.js';

const app = new App();

new ServiceIntegrationsStack(app, 'ServiceIntegrationsStack', {
  stackName: 'service-integrations-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
