/**
 * The CDK app of chapter 06. `cdk synth`, `cdk deploy` and `cdk destroy` run it (see `cdk.json`).
 *
 * @module
 */
import { App } from 'aws-cdk-lib';
import { ErrorsCorsStack } from '../lib/errors-cors-stack.js';

const app = new App();

new ErrorsCorsStack(app, 'ErrorsCorsStack', {
  stackName: 'errors-cors-stack',
  // Set by the CDK CLI from your AWS profile; without one the stack stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
